#!/usr/bin/env node
// `npm test`: everything that runs on a machine without Docker, in order, with one summary at the end.
// Stages: Chromium check → typecheck → lint → build → Jest (unit, component, repo checks) → sandbox build →
// browser tests in Chromium → real-Grafana e2e (skipped, with the reason printed, when no Grafana answers).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Fail at once, never hang, when the browser the tests drive is missing.
if (!existsSync(chromium)) {
  console.error(`\nChromium not found at ${chromium}.`);
  console.error('Install Debian\'s Chromium: `sudo apt-get install chromium` (or set CHROMIUM_PATH).');
  console.error('The browser tests never download a browser of their own.\n');
  process.exit(1);
}

mkdirSync(results, { recursive: true });
const stages = [];
const counts = { passed: 0, failed: 0, skipped: 0 };

function run(name, command, args, env = {}) {
  console.log(`\n━━ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  stages.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const npx = (...args) => ['npx', ['--no-install', ...args]];

run('typecheck', ...npx('tsc', '--noEmit'));
run('lint', ...npx('eslint', '--cache', '.'));
const built = run('build', 'npm', ['run', '--silent', 'build']);

const jestJson = path.join(results, 'jest.json');
rmSync(jestJson, { force: true });
const jestOk = run('unit and component tests (Jest)', ...npx('jest', '--ci', '--maxWorkers=2', '--json', `--outputFile=${jestJson}`));
const jest = readJson(jestJson);
if (jest) {
  counts.passed += jest.numPassedTests;
  counts.failed += jest.numFailedTests;
  counts.skipped += jest.numPendingTests + (jest.numTodoTests || 0);
  // A suite that fails to load has no failed tests of its own: count it, so it cannot pass silently.
  counts.failed += jest.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
} else if (!jestOk) {
  counts.failed += 1;
}

function playwright(name, config, reportFile) {
  const file = path.join(results, reportFile);
  rmSync(file, { force: true });
  const ok = run(name, ...npx('playwright', 'test', '-c', config), { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  const report = readJson(file);
  if (report?.stats) {
    counts.passed += report.stats.expected;
    counts.failed += report.stats.unexpected + (report.stats.flaky || 0);
    counts.skipped += report.stats.skipped;
    // Errors outside any test (a broken config, a global setup that threw) fail the run too.
    if (report.errors?.length && report.stats.unexpected === 0) {
      counts.failed += report.errors.length;
    }
  } else if (!ok) {
    counts.failed += 1;
  }
}

if (built && run('sandbox build', 'npm', ['run', '--silent', 'sandbox:build'])) {
  playwright('browser tests (Playwright + Chromium, sandbox)', 'playwright.sandbox.config.ts', 'browser.json');
} else {
  console.log('\nBrowser tests not run: the plugin or the sandbox did not build.');
  counts.failed += 1;
}
playwright('real-Grafana e2e (@grafana/plugin-e2e)', 'playwright.config.ts', 'grafana.json');

console.log('\n━━ Summary');
for (const s of stages) {
  console.log(`${s.ok ? 'ok  ' : 'FAIL'}  ${s.name} (${s.seconds.toFixed(1)} s)`);
}
const failedStages = stages.filter((s) => !s.ok && !/Jest|Playwright|e2e/.test(s.name)).length;
counts.failed += failedStages;
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(stages.every((s) => s.ok) && counts.failed === 0 ? 0 : 1);
