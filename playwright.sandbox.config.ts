// Browser tests against the sandbox (no Grafana needed): `npm run test:browser`.
// Expects the plugin (dist/) and the sandbox host (sandbox/dist/) to be built; the lead's test runner builds both.
import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumLaunchOptions } from './tests/chromium';

const required: Array<[string, string]> = [
  ['dist/module.js', 'npm run build'],
  ['sandbox/dist/host.js', 'npm run sandbox:build'],
];
const missing = required.filter(([file]) => !existsSync(file));
if (missing.length) {
  throw new Error(
    `Browser tests need built files: ${missing.map(([f, cmd]) => `${f} is missing (run \`${cmd}\`)`).join('; ')}`
  );
}

// One free port for the whole run. Workers inherit the runner's environment, so they see the same value.
if (!process.env.SANDBOX_PORT) {
  process.env.SANDBOX_PORT = execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ]).toString();
}
const port = Number(process.env.SANDBOX_PORT);

export default defineConfig({
  testDir: './tests/browser',
  testMatch: /.*\.spec\.ts/,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // No retries: a flaky browser test must show up as a failure, not be hidden by a second run.
  retries: 0,
  workers: 2,
  // Generous caps, not waits: a passing test takes what it needs; on a busy 2-core machine loading a task's traces
  // can take over 10 s, and a cap it happens to exceed fails a good run by chance.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/browser.json' }],
  ],
  outputDir: 'test-results/browser',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    // Recording a trace of every test (to keep the failing ones) costs about a fifth of the run on the CI machine;
    // rerun a failure with `--trace retain-on-failure` to get one. Failures keep a screenshot and Playwright's error
    // context either way.
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    // The journeys: what `npm test` counts.
    { name: 'chromium', use: { browserName: 'chromium' }, testIgnore: /screenshots\.spec\.ts/ },
    // The README's screenshots: a step of their own (`npm test` runs it as a separate stage and counts no tests).
    { name: 'screenshots', use: { browserName: 'chromium' }, testMatch: /screenshots\.spec\.ts/ },
  ],
  webServer: {
    command: `npx tsx sandbox/serve.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/sandbox/config.json`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
  },
});
