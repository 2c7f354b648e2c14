// The browser journeys against a real Grafana (the compose stack): `npm run e2e:grafana`.
// GRAFANA_URL (default http://localhost:3000), admin/admin. With no Grafana answering, every test is skipped with
// the reason printed by tests/grafana/global-setup.ts: never counted as passed.
import type { PluginOptions } from '@grafana/plugin-e2e';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/chromium';

const grafanaUrl = process.env.GRAFANA_URL ?? 'http://localhost:3000';

export default defineConfig<PluginOptions>({
  testDir: './tests/grafana',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  timeout: 60_000,
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/grafana.json' }],
  ],
  outputDir: 'test-results/grafana',
  globalSetup: './tests/grafana/global-setup.ts',
  use: {
    baseURL: grafanaUrl,
    user: { user: 'admin', password: 'admin' },
    grafanaAPICredentials: { user: 'admin', password: 'admin' },
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    // 1. Log in to Grafana and store the cookie for the other tests (skipped when no Grafana answers).
    { name: 'auth', testMatch: /auth\.setup\.ts/ },
    // 2. The journeys, authenticated as admin.
    {
      name: 'chromium',
      testMatch: /.*\.spec\.ts/,
      use: { browserName: 'chromium', storageState: 'playwright/.auth/admin.json' },
      dependencies: ['auth'],
    },
  ],
});
