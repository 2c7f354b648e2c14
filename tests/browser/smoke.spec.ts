import { expect, test } from './fixtures';
import { APP, guardPage, openSandbox, requests } from './sandbox';

test.describe('sandbox host', () => {
  test('loads module.js with only Grafana-provided modules and mounts the app', async ({ page }) => {
    const seen = guardPage(page);
    await openSandbox(page, `${APP}/tasks`);
    await expect(page.getByTestId('sandbox-main')).toBeVisible();
    await expect(page.getByTestId('sandbox-topbar')).toBeVisible();
    expect(seen.errors).toEqual([]);
  });

  test('redirects unknown app routes to the tasks page', async ({ page }) => {
    await openSandbox(page, `${APP}/nope`);
    await expect(page).toHaveURL(/\/a\/tasker-observability-app\/tasks/);
  });

  test('mounts the configuration page', async ({ page }) => {
    await openSandbox(page, '/plugins/tasker-observability-app');
    await expect(page.getByRole('heading', { name: /Configuration/ }).first()).toBeVisible();
  });

  test('the explore stand-in shows the state a deep link carries', async ({ page }) => {
    const panes = {
      a: { datasource: 'tempo', queries: [{ refId: 'A', query: 'abc' }], range: { from: 'now-1h', to: 'now' } },
    };
    await openSandbox(page, `/explore?schemaVersion=1&orgId=1&panes=${encodeURIComponent(JSON.stringify(panes))}`);
    await expect(page.getByTestId('explore-state')).toContainText('"datasource": "tempo"');
  });

  test('the top bar switches theme and datasource mode', async ({ page }) => {
    await openSandbox(page, `${APP}/tasks?theme=dark`);
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const dark = await bg();
    await page.getByTestId('sandbox-theme').getByRole('radio', { name: 'Light' }).check();
    await expect.poll(bg).not.toBe(dark);
    await page.getByTestId('sandbox-ds-mode').getByRole('radio', { name: 'fail' }).check();
    expect(await page.evaluate(() => (window as unknown as { __sandbox: { mode: string } }).__sandbox.mode)).toBe(
      'fail'
    );
    expect(Array.isArray(await requests(page))).toBe(true);
  });
});
