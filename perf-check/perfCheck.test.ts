/**
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTaskFlow } from '../src/flow/buildTaskFlow';
import { SCATTERED, scatteredTaskFrames } from '../src/flow/fixtures/scatteredTask';
import { taskToOtlp } from '../src/taskfile';
import { BASELINE_SCHEMA_VERSION } from './baseline';
import { perfCheck } from './perfCheck';
import { startFakeTempo, type FakeTempo } from './testing/fakeTempo';
import { tasksDocument, taskSet } from './testing/makeTasks';

let dir: string;

async function file(name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'perf-check-'));
});

describe('perf-check on task files', () => {
  let baseline: string;
  beforeAll(async () => {
    const steady = await file('steady.json', tasksDocument(taskSet(8, 100)));
    baseline = join(dir, 'baseline.json');
    const r = await perfCheck(['--files', steady, '--write-baseline', baseline]);
    expect(r).toMatchObject({ exitCode: 0, stderr: '' });
  });

  it('writes a baseline with a schema version and figures per namespace and task', async () => {
    const doc = JSON.parse(await readFile(baseline, 'utf8'));
    expect(doc.schemaVersion).toBe(BASELINE_SCHEMA_VERSION);
    expect(doc.groups).toHaveLength(1);
    const [g] = doc.groups;
    expect(g).toMatchObject({ namespace: 'fulfillment', taskName: 'order_processing', tasks: 8 });
    expect(g.wallMs).toEqual({ p50: 156, p95: 157, samples: 8 });
    expect(g.phases.execution).toEqual({ p50: 101, p95: 102, samples: 8 });
    expect(g.steps.charge_card).toEqual({
      executionMs: { p50: 101, p95: 102, samples: 8 },
      queueWaitMs: { p50: 5, p95: 5, samples: 8 },
    });
  });

  it('exits 0 on the same set again', async () => {
    const again = await file('again.json', tasksDocument(taskSet(8, 100, 101)));
    const r = await perfCheck(['--files', again, '--baseline', baseline]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('**No regression**');
  });

  it('exits 1 on a slower set, naming namespace, task, phase or step, before and after', async () => {
    const slow = await file('slow.json', tasksDocument(taskSet(8, 300, 201)));
    const r = await perfCheck(['--files', slow, '--baseline', baseline]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('**5 regressions**');
    expect(r.stdout).toContain(
      '| fulfillment | order\\_processing | phase execution | p95 | 102 ms | 302 ms | +196.1 % |'
    );
    expect(r.stdout).toContain(
      '| fulfillment | order\\_processing | step charge\\_card execution | p95 | 102 ms | 302 ms |'
    );
    expect(r.stdout).toContain('| fulfillment | order\\_processing | wall time | p50 | 156 ms | 356 ms |');

    const json = await perfCheck(['--files', slow, '--baseline', baseline, '--format', 'json']);
    expect(json.exitCode).toBe(1);
    const out = JSON.parse(json.stdout);
    expect(out.comparison.regressions.map((c: { what: string; figure: string }) => `${c.what} ${c.figure}`)).toEqual([
      'wall time p50',
      'wall time p95',
      'phase execution p50',
      'phase execution p95',
      'step charge_card execution p95',
    ]);
  });

  it('needs both the threshold and the minimum delta, and enough samples', async () => {
    // +20 ms on ~100 ms: over 15 % but under 25 ms.
    const bitSlower = await file('bit.json', tasksDocument(taskSet(8, 120, 301)));
    expect((await perfCheck(['--files', bitSlower, '--baseline', baseline])).exitCode).toBe(0);
    expect(
      (await perfCheck(['--files', bitSlower, '--baseline', baseline, '--min-delta', '10ms', '--threshold', '15%']))
        .exitCode
    ).toBe(1);
    // Far slower, but only 3 tasks.
    const few = await file('few.json', tasksDocument(taskSet(3, 300, 401)));
    expect((await perfCheck(['--files', few, '--baseline', baseline])).exitCode).toBe(0);
    expect((await perfCheck(['--files', few, '--baseline', baseline, '--min-samples', '3'])).exitCode).toBe(1);
  });

  it('reads a directory of files, one file per task or many tasks per file', async () => {
    const sub = await mkdtemp(join(dir, 'set-'));
    for (const [i, t] of taskSet(6, 100, 501).entries()) {
      await writeFile(join(sub, `tasker-task-${i}.json`), JSON.stringify(tasksDocument([t])));
    }
    await writeFile(join(sub, 'notes.txt'), 'not a task file');
    const r = await perfCheck(['--files', sub, '--format', 'json']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).groups[0].tasks).toBe(6);
  });

  it('exits 2 on a broken file, naming it and the problem', async () => {
    const good = await file('good.json', tasksDocument(taskSet(2, 100, 601)));
    const broken = await file('broken.json', '{"resourceSpans": [');
    const r = await perfCheck(['--files', good, broken]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${broken}: The file is not JSON`);

    const other = await file('other.json', { hello: 'world' });
    expect((await perfCheck(['--files', other])).stderr).toContain(`${other}: Unknown format`);
    const empty = await file('empty.json', { resourceSpans: [] });
    expect((await perfCheck(['--files', empty])).stderr).toContain(`${empty}: The file holds no spans.`);
    const missing = join(dir, 'missing.json');
    expect(await perfCheck(['--files', missing])).toMatchObject({
      exitCode: 2,
      stderr: `perf-check: ${missing}: no such file or directory.\n`,
    });
  });

  it('exits 2 on a baseline that is not one, and on bad arguments', async () => {
    const steady = join(dir, 'steady.json');
    const notBaseline = await file('not-baseline.json', { groups: [] });
    expect((await perfCheck(['--files', steady, '--baseline', notBaseline])).stderr).toContain(
      `${notBaseline}: not a perf-check baseline (no schemaVersion)`
    );
    const future = await file('future.json', { schemaVersion: 99, groups: [] });
    expect((await perfCheck(['--files', steady, '--baseline', future])).stderr).toContain('baseline schema version 99');
    for (const args of [
      [],
      ['--files', steady, '--tempo', 'http://127.0.0.1:1'],
      ['--files', steady, '--threshold', 'lots'],
      ['--files', steady, '--min-delta', 'soon'],
      ['--files', steady, '--format', 'html'],
      ['--files', steady, '--since', '1h'],
      ['--tempo', 'not a url'],
      ['--tempo', 'http://127.0.0.1:1', '--from', '2026-12-01T10:00:00Z'],
      ['--bogus'],
    ]) {
      const r = await perfCheck(args);
      expect({ args, exitCode: r.exitCode }).toEqual({ args, exitCode: 2 });
      expect(r.stderr).toMatch(/^perf-check: \S/);
    }
  });

  it('escapes user data in the Markdown table', async () => {
    const doc = tasksDocument([{ n: 701, start: Date.now(), executionMs: 10, namespace: 'a|b <img src=x>' }]);
    const r = await perfCheck(['--files', await file('hostile.json', doc)]);
    expect(r.stdout).toContain('| a\\|b &lt;img src=x&gt; |');
  });
});

describe('perf-check against Tempo', () => {
  let tempo: FakeTempo;
  // tasker-core's scattered task (nine traces tied by attributes) at a fixed time, and 6 guide-shaped tasks.
  const from = Math.floor(scatteredStart() / 1000) - 60;
  const to = from + 7200;
  function scatteredStart() {
    return buildTaskFlow(scatteredTaskFrames()).startMs;
  }

  beforeAll(async () => {
    const scattered = taskToOtlp(buildTaskFlow(scatteredTaskFrames()));
    const guide = tasksDocument(taskSet(6, 100, 801, scatteredStart() + 60_000));
    tempo = await startFakeTempo({ resourceSpans: [...scattered.resourceSpans, ...guide.resourceSpans] });
  });
  afterAll(() => tempo.close());

  it("finds every task's traces through Tempo's search and trace-by-id API, and stitches scattered tasks", async () => {
    const r = await perfCheck(['--tempo', tempo.url, '--from', String(from), '--to', String(to), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.tasks).toBe(7);
    const linear = out.groups.find((g: { namespace: string }) => g.namespace === SCATTERED.namespace);
    const model = buildTaskFlow(scatteredTaskFrames());
    expect(linear).toMatchObject({ tasks: 1, wallMs: { p50: model.durationMs } });
    expect(linear.phases.execution.p50).toBe(model.phaseTotals.execution);

    const searches = tempo.requests.filter((u) => u.startsWith('/api/search?'));
    const first = new URL(`http://x${searches[0]}`).searchParams;
    expect(first.get('start')).toBe(String(from));
    expect(first.get('end')).toBe(String(to));
    expect(first.get('limit')).toBe('500');
    expect(first.get('spss')).toBe('100');
    expect(first.get('q')).toContain('span.task_uuid != nil');
    // All nine traces of the scattered task, fetched by id (Tempo's search trims leading zeros; v2 pads them).
    const fetched = tempo.requests.filter((u) => u.startsWith('/api/v2/traces/'));
    expect(fetched).toHaveLength(9 + 6);
  });

  it('narrows by namespace and task name', async () => {
    const r = await perfCheck([
      '--tempo',
      tempo.url,
      '--from',
      String(from),
      '--to',
      String(to),
      '--namespace',
      'fulfillment',
      '--format',
      'json',
    ]);
    expect(JSON.parse(r.stdout).groups.map((g: { namespace: string }) => g.namespace)).toEqual(['fulfillment']);
    const none = await perfCheck([
      '--tempo',
      tempo.url,
      '--from',
      String(from),
      '--to',
      String(to),
      '--task-name',
      'nope',
    ]);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('No tasks found');
  });

  it('compares Tempo figures with a baseline written from task files', async () => {
    const base = join(dir, 'tempo-baseline.json');
    const files = await file('tempo-set.json', tasksDocument(taskSet(6, 100, 901)));
    await perfCheck(['--files', files, '--write-baseline', base]);
    const r = await perfCheck(['--tempo', tempo.url, '--from', String(from), '--to', String(to), '--baseline', base]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('**No regression**');
  });

  it('exits 2 naming the URL when Tempo is unreachable', async () => {
    const closed = await startFakeTempo({ resourceSpans: [] });
    await closed.close();
    const r = await perfCheck(['--tempo', closed.url, '--since', '1h']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`Tempo at ${closed.url}/api/search?`);
    expect(r.stderr).toContain('is unreachable');
  });
});
