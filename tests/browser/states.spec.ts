// Bad paths on the task flow page: a failing datasource, retry, an empty answer, an unknown id.
import { expect, test } from './fixtures';
import { FlowPage } from '../pages/flowPage';
import { demoTask, requests, sandboxHost as host, setMode } from './sandbox';

test.describe('task flow states', () => {
  test('a failing datasource shows the error, and Retry works once it answers again', async ({ page }) => {
    const task = await demoTask('documented');
    const flow = await new FlowPage(page).open(host, task.correlationId, { query: 'ds=fail' });
    await expect(flow.error).toBeVisible();
    await expect(flow.error).toContainText(/500|unavailable|failed|error/i);
    expect((await requests(page, 'tempo')).some((r) => r.error === 'fail mode')).toBe(true);
    await setMode(page, 'normal');
    await flow.error.getByRole('button', { name: /retry/i }).click();
    await flow.loaded();
    await expect(flow.error).toHaveCount(0);
  });

  test('an empty answer explains itself, as "no spans", not as an error', async ({ page }) => {
    const task = await demoTask('documented');
    const flow = await new FlowPage(page).open(host, task.correlationId, { query: 'ds=empty' });
    await expectNoSpans(flow, task.correlationId);
  });

  test('a slow datasource shows progress before the flow', async ({ page }) => {
    const task = await demoTask('documented');
    const flow = await new FlowPage(page).open(host, task.correlationId, { query: 'ds=slow' });
    await expect(flow.loading).toBeVisible();
    await setMode(page, 'normal');
    await expect(flow.tree).toBeVisible({ timeout: 30_000 });
  });

  test('leaving the page cancels the queries still running', async ({ page }) => {
    const task = await demoTask('documented');
    const flow = await new FlowPage(page).open(host, task.correlationId, { query: 'ds=slow' });
    await expect(flow.loading).toBeVisible();
    await expect.poll(async () => (await requests(page, 'tempo')).length).toBeGreaterThan(0);
    // Client-side navigation, as a user clicking a link: the page unmounts and must unsubscribe.
    await page.getByTestId('sandbox-topbar').getByRole('link', { name: 'Logs' }).click();
    await expect(page.getByTestId('logs-page')).toBeVisible();
    const mine = (await requests(page, 'tempo')).filter((r) => r.query.includes(task.correlationId));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.cancelled)).toBe(true);
  });

  test('an id that matches nothing says so, as "no spans", not as an error', async ({ page }) => {
    const id = '00000000-0000-4000-8000-000000000000';
    await expectNoSpans(await new FlowPage(page).open(host, id), id);
  });
});

/**
 * "Nothing found" is information, not a failure: an info notice (role status; an error alert has role alert) that
 * names the id and says to widen the time range, and no tree. The page draws it as flow-empty when Tempo answered
 * with no spans, or in the flow-error slot when the data layer reported "empty": either, but never as an error.
 */
async function expectNoSpans(flow: FlowPage, id: string) {
  const notice = flow.empty.or(flow.error);
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice).toContainText(id);
  await expect(notice).toContainText(/no spans/i);
  await expect(notice).toContainText(/time range/i);
  await expect(flow.page.getByRole('alert')).toHaveCount(0);
  await expect(flow.tree).toHaveCount(0);
}
