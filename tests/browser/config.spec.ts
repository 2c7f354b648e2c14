// The configuration page: datasource probes and saving settings. The probe journey is shared with the
// real-Grafana e2e (tests/pages/).
import { expect, test } from './fixtures';
import { ConfigPage } from '../pages/configPage';
import { journeys } from '../pages/journeys';
import { requests, sandboxHost as host, setMode } from './sandbox';

test.describe('configuration page', () => {
  test('Test probes each datasource and reports in plain words', async ({ page, context }) => {
    const config = await journeys.configurationProbes({ page, context, host });
    await expect(config.result('prometheus')).toBeVisible();
    const targets = new Set((await requests(page)).map((r) => r.target));
    expect(targets.has('tempo') && targets.has('loki') && targets.has('prometheus')).toBe(true);
  });

  test('Test reports a failing datasource', async ({ page }) => {
    const config = await new ConfigPage(page).open(host);
    await setMode(page, 'fail');
    await config.testButton.click();
    await expect(config.result('tempo')).toContainText(/500|unavailable|fail|error/i);
  });

  test('saves settings and keeps them after a reload', async ({ page }) => {
    const config = await new ConfigPage(page).open(host);
    await (await config.searchLimit()).fill('37');
    await config.save.click();
    // The page may reload itself after saving (Grafana's scaffold does): read the stand-in's store, not its log.
    await expect
      .poll(() => page.evaluate(() => window.sessionStorage.getItem('sandbox.pluginSettings') ?? '').catch(() => ''))
      .toContain('"searchLimit":37');
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __sandbox: { ready: boolean } }).__sandbox.ready);
    await expect(await new ConfigPage(page).searchLimit()).toHaveValue('37');
  });
});
