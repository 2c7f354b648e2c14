// Journeys on the Logs page: search, follow a log line to its task flow and its trace, bad paths.
import { expect, test } from '@playwright/test';
import { APP, openSandbox, requests, setMode, taskOfShape } from './sandbox';

test.describe('logs page', () => {
  test('finds the logs of a task and follows a line to its task flow', async ({ page }) => {
    await openSandbox(page, `${APP}/logs`);
    const task = await taskOfShape(page, 'documented');
    await page.getByTestId('tasks-filter-correlation-id').fill(task.correlationId);
    await page.getByTestId('filter-submit').click();
    const rows = page.getByTestId('log-row');
    await expect(rows.first()).toBeVisible();
    expect((await requests(page, 'loki')).some((r) => r.query.includes(task.correlationId))).toBe(true);
    await rows.first().getByTestId('log-task-link').click();
    await expect(page).toHaveURL(/\/a\/tasker-observability-app\/tasks\/[0-9a-f-]{36}/);
    await expect(page.getByTestId('flow-tree')).toBeVisible();
    await expect(page.getByTestId('flow-header')).toContainText(task.correlationId);
  });

  test('follows a log line to its trace', async ({ page }) => {
    await openSandbox(page, `${APP}/logs`);
    const task = await taskOfShape(page, 'documented');
    await page.getByTestId('tasks-filter-correlation-id').fill(task.correlationId);
    await page.getByTestId('filter-submit').click();
    const link = page.getByTestId('log-row').getByTestId('log-trace-link').first();
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(/\/a\/tasker-observability-app\/trace\/[0-9a-f]{32}/);
    await expect(page.getByTestId('flow-tree')).toBeVisible();
  });

  test('a failing Loki shows the error and Retry works', async ({ page }) => {
    await openSandbox(page, `${APP}/logs?ds=fail`);
    await expect(page.getByTestId('data-error')).toBeVisible();
    await setMode(page, 'normal');
    await page.getByTestId('data-error-retry').click();
    await expect(page.getByTestId('log-row').first()).toBeVisible();
  });

  test('an empty result explains itself', async ({ page }) => {
    await openSandbox(page, `${APP}/logs?ds=empty`);
    await expect(page.getByTestId('logs-empty')).toBeVisible();
    await expect(page.getByTestId('logs-empty')).toContainText(/no|nothing/i);
  });
});
