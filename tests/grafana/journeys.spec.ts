// The sandbox journeys in short, against a real Grafana with the compose stack (Tempo, Loki, the workload
// generator feeding them). Skipped, never passed, when no Grafana answers (see global-setup.ts).
import { expect, test } from '@grafana/plugin-e2e';
import { PLUGIN_ID, skipWithoutGrafana } from './grafana';

skipWithoutGrafana();

test.describe('Tasker in Grafana', () => {
  test('the tasks page lists tasks and opens one as a flow', async ({ gotoAppPage, page }) => {
    await gotoAppPage({ pluginId: PLUGIN_ID, path: '/tasks?from=now-6h&to=now' });
    const row = page.getByTestId('task-row').first();
    await expect(row, 'no tasks in the last 6 hours: is the workload generator running?').toBeVisible({
      timeout: 30_000,
    });
    await row.getByTestId('task-row-link').click();
    await expect(page.getByTestId('flow-tree')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('flow-header')).toBeVisible();
  });

  test('search by correlation_id, select a span, read its attributes and logs, share the URL', async ({
    gotoAppPage,
    page,
    context,
  }) => {
    await gotoAppPage({ pluginId: PLUGIN_ID, path: '/tasks?from=now-6h&to=now' });
    const link = page.getByTestId('task-row').first().getByTestId('task-row-link');
    await expect(link).toBeVisible({ timeout: 30_000 });
    const correlationId = (await page.getByTestId('task-row').first().locator('a').first().textContent())?.trim() ?? '';
    test.skip(!/^[0-9a-f-]{36}$/.test(correlationId), 'the newest task has no correlation_id');
    await page.getByTestId('tasks-filter-correlation-id').fill(correlationId);
    await page.getByTestId('filter-submit').click();
    await expect(page.getByTestId('task-row')).toHaveCount(1);
    await page.getByTestId('task-row-link').first().click();
    await page.getByTestId('flow-expand-all').click();
    await page.getByTestId('flow-row').nth(1).click();
    await expect(page.getByTestId('span-details')).toBeVisible();
    await expect(page.getByTestId('span-attributes')).toBeVisible();
    await page.getByTestId('span-logs-button').click();
    await expect(page.getByTestId('task-logs')).toBeVisible();
    const shared = await context.newPage();
    await shared.goto(page.url());
    await expect(shared.getByTestId('span-details')).toBeVisible({ timeout: 30_000 });
  });

  test('an invalid id shows the field error', async ({ gotoAppPage, page }) => {
    await gotoAppPage({ pluginId: PLUGIN_ID, path: '/tasks' });
    const field = page.getByTestId('tasks-filter-correlation-id');
    await field.fill('not-a-uuid');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('filter-submit')).toBeDisabled();
  });

  test('the logs page links a line to its task flow', async ({ gotoAppPage, page }) => {
    await gotoAppPage({ pluginId: PLUGIN_ID, path: '/logs?from=now-1h&to=now' });
    const link = page.getByTestId('log-task-link').first();
    await expect(link, 'no Tasker logs in the last hour: are OTLP logs enabled?').toBeVisible({ timeout: 30_000 });
    await link.click();
    await expect(page.getByTestId('flow-tree').or(page.getByTestId('flow-empty'))).toBeVisible({ timeout: 30_000 });
  });

  test('the configuration page probes the datasources', async ({ gotoAppConfigPage, page }) => {
    await gotoAppConfigPage({ pluginId: PLUGIN_ID });
    await page.getByTestId('settings-test-button').click();
    await expect(page.getByTestId('settings-test-result-tempo')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('settings-test-result-loki')).toBeVisible();
  });

  test('hostile-looking input stays text in the query preview', async ({ gotoAppPage, page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await gotoAppPage({ pluginId: PLUGIN_ID, path: '/tasks' });
    await page.getByTestId('tasks-filter-task-name').fill('<img src=x onerror=alert(1)>');
    await expect(page.getByTestId('query-preview')).toContainText('<img src=x onerror=alert(1)>');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
