#!/usr/bin/env node
// `npm test`: everything that runs on a machine without Docker, with one summary at the end.
// Stages: Chromium check → [typecheck | lint | build → sandbox build] side by side (each is mostly one core, and the
// CI machine has two) → Jest (unit, component, repo checks) → browser journeys in Chromium → real-Grafana e2e
// (skipped, with the reason printed, when no Grafana answers). The README's screenshots are not a test: they are
// `npm run screenshots`, a step of their own.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const grafanaUrl = process.env.GRAFANA_URL ?? 'http://localhost:3000';

// Fail at once, never hang, when the browser the tests drive is missing.
if (!existsSync(chromium)) {
  console.error(`\nChromium not found at ${chromium}.`);
  console.error('Install Debian\'s Chromium: `sudo apt-get install chromium` (or set CHROMIUM_PATH).');
  console.error('The browser tests never download a browser of their own.\n');
  process.exit(1);
}

mkdirSync(results, { recursive: true });
const started = Date.now();
const stages = [];
const counts = { passed: 0, failed: 0, skipped: 0 };

function record(name, ok, startedAt, note = '') {
  stages.push({ name, ok, seconds: (Date.now() - startedAt) / 1000, note });
  return ok;
}

/** Runs a stage in the foreground, its output streaming through. */
function run(name, command, args, env = {}) {
  console.log(`\n━━ ${name}: ${command} ${args.join(' ')}`);
  const startedAt = Date.now();
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return record(name, r.status === 0, startedAt);
}

/** Runs a stage beside others: its output is held and printed in one piece when it ends, so none interleave. */
function runQuietly(name, command, args) {
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('close', (code) => {
      console.log(`\n━━ ${name}: ${command} ${args.join(' ')}`);
      process.stdout.write(Buffer.concat(out));
      resolve(record(name, code === 0, startedAt));
    });
    child.on('error', (e) => {
      console.log(`\n━━ ${name}: ${e.message}`);
      resolve(record(name, false, startedAt));
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const npx = (...args) => ['npx', ['--no-install', ...args]];

// Typecheck, lint and the two builds side by side; a failed build stops the browser stages, not the others.
console.log('\n━━ typecheck, lint and build, side by side (each prints when it ends)');
const [, , built] = await Promise.all([
  runQuietly('typecheck', ...npx('tsc', '--noEmit')),
  runQuietly('lint', ...npx('eslint', '--cache', '.')),
  runQuietly('build', 'npm', ['run', '--silent', 'build']).then(
    (ok) => ok && runQuietly('sandbox build', 'npm', ['run', '--silent', 'sandbox:build'])
  ),
]);

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

/** Runs Playwright and adds its tests to the totals. */
function playwright(name, config, reportFile, args = []) {
  const file = path.join(results, reportFile);
  rmSync(file, { force: true });
  const ok = run(name, ...npx('playwright', 'test', '-c', config, ...args), { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
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
  return ok;
}

if (built) {
  playwright('browser journeys (Playwright + Chromium, sandbox)', 'playwright.sandbox.config.ts', 'browser.json', [
    '--project=chromium',
  ]);
} else {
  console.log('\nBrowser tests not run: the plugin or the sandbox did not build.');
  counts.failed += 1;
}

// The real-Grafana e2e needs a running stack. Without one (and without REQUIRE_GRAFANA, which makes it a failure),
// say so and skip the stage rather than start Playwright only for every test to skip.
async function grafanaAnswers() {
  try {
    const res = await fetch(`${grafanaUrl}/api/health`, { signal: AbortSignal.timeout(3000) });
    return res.ok ? '' : `Grafana at ${grafanaUrl} answered /api/health with HTTP ${res.status}`;
  } catch (e) {
    return `No Grafana at ${grafanaUrl} (${e?.cause?.code ?? e?.message ?? e}): start the stack with docker compose up -d`;
  }
}
const noGrafana = await grafanaAnswers();
if (noGrafana && !process.env.REQUIRE_GRAFANA) {
  console.log(`\n━━ real-Grafana e2e: SKIPPED: ${noGrafana}`);
  record('real-Grafana e2e (@grafana/plugin-e2e)', true, Date.now(), `skipped: ${noGrafana}`);
} else {
  playwright('real-Grafana e2e (@grafana/plugin-e2e)', 'playwright.config.ts', 'grafana.json');
}

console.log('\n━━ Summary');
for (const s of stages) {
  console.log(`${s.ok ? 'ok  ' : 'FAIL'}  ${s.name} (${s.seconds.toFixed(1)} s)${s.note ? `: ${s.note}` : ''}`);
}
const failedStages = stages.filter((s) => !s.ok && !/Jest|journeys|e2e/.test(s.name)).length;
counts.failed += failedStages;
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
console.log(`total: ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(stages.every((s) => s.ok) && counts.failed === 0 ? 0 : 1);
