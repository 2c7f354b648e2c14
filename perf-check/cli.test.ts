/**
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// The command as CI runs it: `tsx perf-check/cli.ts` in plain Node, no browser globals. This catches a runtime
// import of a browser-only module (e.g. @grafana/data's runtime) into src/flow, src/query or src/taskfile, which
// Jest's jsdom would hide.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tasksDocument, taskSet } from './testing/makeTasks';

jest.setTimeout(60_000);

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(join('node_modules', '.bin', 'tsx'), ['perf-check/cli.ts', ...args], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

it('runs in plain Node: figures as JSON, exit 0; a missing file exits 2', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'perf-check-cli-'));
  const path = join(dir, 'tasks.json');
  await writeFile(path, JSON.stringify(tasksDocument(taskSet(5, 100))));
  const ok = await run(['--files', path, '--format', 'json']);
  expect(ok.stderr).toBe('');
  expect(ok.code).toBe(0);
  expect(JSON.parse(ok.stdout).groups[0].tasks).toBe(5);

  const missing = await run(['--files', join(dir, 'nope.json')]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('nope.json: no such file or directory.');
});
