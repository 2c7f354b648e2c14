// Bad paths on the task flow page: a failing datasource, retry, an empty answer, an unknown id.
import { expect, test } from '@playwright/test';
import { APP, openSandbox, requests, setMode, taskOfShape } from './sandbox';

test.describe('task flow states', () => {
  test('a failing datasource shows the error, and Retry works once it answers again', async ({ page }) => {
    await openSandbox(page, `${APP}/tasks`);
    const task = await taskOfShape(page, 'documented');
    await openSandbox(page, `${APP}/tasks/${task.correlationId}?ds=fail`);
    const error = page.getByTestId('flow-error');
    await expect(error).toBeVisible();
    await expect(error).toContainText(/500|unavailable|failed|error/i);
    expect((await requests(page, 'tempo')).some((r) => r.error === 'fail mode')).toBe(true);
    await setMode(page, 'normal');
    await error.getByRole('button', { name: /retry/i }).click();
    await expect(page.getByTestId('flow-tree')).toBeVisible();
    await expect(page.getByTestId('flow-error')).toHaveCount(0);
  });

  test('an empty answer explains itself', async ({ page }) => {
    await openSandbox(page, `${APP}/tasks`);
    const task = await taskOfShape(page, 'documented');
    await openSandbox(page, `${APP}/tasks/${task.correlationId}?ds=empty`);
    const empty = page.getByTestId('flow-empty').or(page.getByTestId('flow-error'));
    await expect(empty).toBeVisible();
    await expect(empty).toContainText(/no spans|nothing|not found|time range/i);
    await expect(page.getByTestId('flow-tree')).toHaveCount(0);
  });

  test('a slow datasource shows progress before the flow', async ({ page }) => {
    await openSandbox(page, `${APP}/tasks`);
    const task = await taskOfShape(page, 'documented');
    await openSandbox(page, `${APP}/tasks/${task.correlationId}?ds=slow`);
    await expect(page.getByTestId('flow-loading')).toBeVisible();
    await setMode(page, 'normal');
    await expect(page.getByTestId('flow-tree')).toBeVisible({ timeout: 30_000 });
  });

  test('leaving the page cancels the queries still running', async ({ page }) => {
    await openSandbox(page, `${APP}/tasks`);
    const task = await taskOfShape(page, 'documented');
    await openSandbox(page, `${APP}/tasks/${task.correlationId}?ds=slow`);
    await expect(page.getByTestId('flow-loading')).toBeVisible();
    await expect.poll(async () => (await requests(page, 'tempo')).length).toBeGreaterThan(0);
    // Client-side navigation, as a user clicking a link: the page unmounts and must unsubscribe.
    await page.getByTestId('sandbox-topbar').getByRole('link', { name: 'Logs' }).click();
    await expect(page.getByTestId('logs-page')).toBeVisible();
    const mine = (await requests(page, 'tempo')).filter((r) => r.query.includes(task.correlationId));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.cancelled)).toBe(true);
  });

  test('an id that matches nothing says so', async ({ page }) => {
    await openSandbox(page, `${APP}/tasks/00000000-0000-4000-8000-000000000000`);
    const empty = page.getByTestId('flow-empty').or(page.getByTestId('flow-error'));
    await expect(empty).toBeVisible();
    await expect(empty).toContainText('00000000-0000-4000-8000-000000000000');
  });
});
