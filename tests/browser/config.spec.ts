// The configuration page: datasource probes and saving settings.
import { expect, test } from '@playwright/test';
import { openSandbox, requests, setMode } from './sandbox';

const CONFIG = '/plugins/tasker-observability-app';

test.describe('configuration page', () => {
  test('Test probes each datasource and reports in plain words', async ({ page }) => {
    await openSandbox(page, CONFIG);
    await page.getByTestId('settings-test-button').click();
    const results = page.getByTestId('settings-test-results');
    await expect(results).toBeVisible();
    for (const kind of ['tempo', 'loki', 'prometheus']) {
      await expect(results.getByTestId(`settings-test-result-${kind}`)).toBeVisible();
    }
    const targets = new Set((await requests(page)).map((r) => r.target));
    expect(targets.has('tempo') && targets.has('loki') && targets.has('prometheus')).toBe(true);
  });

  test('Test reports a failing datasource', async ({ page }) => {
    await openSandbox(page, CONFIG);
    await setMode(page, 'fail');
    await page.getByTestId('settings-test-button').click();
    await expect(page.getByTestId('settings-test-result-tempo')).toContainText(/500|unavailable|fail|error/i);
  });

  test('saves settings and keeps them after a reload', async ({ page }) => {
    await openSandbox(page, CONFIG);
    const limit = page.getByTestId('settings-search-limit');
    const input = (await limit.evaluate((el) => el.tagName)) === 'INPUT' ? limit : limit.locator('input');
    await input.fill('37');
    await page.getByTestId('settings-save-button').click();
    // The page may reload itself after saving (Grafana's scaffold does): read the stand-in's store, not its log.
    await expect
      .poll(() => page.evaluate(() => window.sessionStorage.getItem('sandbox.pluginSettings') ?? '').catch(() => ''))
      .toContain('"searchLimit":37');
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __sandbox: { ready: boolean } }).__sandbox.ready);
    const again = page.getByTestId('settings-search-limit');
    const input2 = (await again.evaluate((el) => el.tagName)) === 'INPUT' ? again : again.locator('input');
    await expect(input2).toHaveValue('37');
  });
});
