// "Is this task slow?" (issue 14) in the sandbox: a task whose step took ten times its usual time is called out,
// a typical run of the same task is not, and the Tasks page charts the listed tasks' durations.
import { expect, test } from './fixtures';
import { SLOW_TASK, TYPICAL_TASK } from '../../sandbox/src/data/slowTask';
import { APP, guardPage, openSandbox } from './sandbox';

test.describe('task history', () => {
  test('calls out the step that took ten times its usual time, in the list, the step table and the phase bar', async ({
    page,
  }) => {
    const seen = guardPage(page);
    await openSandbox(page, `${APP}/tasks/${SLOW_TASK.correlationId}?from=now-6h&to=now`);
    // The flow is drawn before the history is in.
    await expect(page.getByTestId('flow-header')).toBeVisible();
    const callout = page.locator('[data-anomaly-kind="slower_than_usual"]');
    await expect(callout.filter({ hasText: `step ${SLOW_TASK.stepName}:` })).toHaveCount(1);
    await expect(callout.filter({ hasText: `step ${SLOW_TASK.stepName}:` })).toContainText(
      // Tempo serves metrics over 24 hours by default (query_frontend.metrics.max_duration): the message says so.
      /× its usual .+ \(p50 of \d+ runs, last 24 hours\)/
    );
    await expect(page.getByTestId('step-table').locator('tr[data-slow="true"]')).toContainText(SLOW_TASK.stepName);
    await expect(page.getByTestId('phase-bar').locator('[data-phase="execution"][data-slow="true"]')).toHaveCount(1);
    const table = page.getByTestId('history-table');
    await expect(table.locator('tr[data-slow="true"][data-kind="step"]')).toContainText(SLOW_TASK.stepName);
    // The step's history came from Tempo's TraceQL metrics (the sandbox evaluates them).
    await expect(table.locator('tr[data-kind="step"]').filter({ hasText: SLOW_TASK.stepName })).toContainText(
      'TraceQL metrics'
    );
    expect(seen.errors).toEqual([]);
  });

  test('a typical run of the same task is not called out', async ({ page }) => {
    await openSandbox(page, `${APP}/tasks/${TYPICAL_TASK.correlationId}?from=now-6h&to=now`);
    await expect(page.getByTestId('history-summary')).toContainText('Nothing is slower than usual.');
    await expect(page.locator('[data-anomaly-kind="slower_than_usual"]')).toHaveCount(0);
    await expect(page.getByTestId('history-table').locator('tr[data-kind="step"]').first()).toBeVisible();
    await expect(page.locator('[data-slow="true"]')).toHaveCount(0);
  });

  test('the Tasks page charts the listed tasks, and a click on a point opens its task', async ({ page }) => {
    await openSandbox(page, `${APP}/tasks?from=now-6h&to=now&namespace=${SLOW_TASK.namespace}`);
    const chart = page.getByTestId('duration-chart');
    await expect(chart.locator('canvas')).toBeVisible();
    await expect(chart).toContainText('p50');
    await expect(chart).toContainText('p95');
    // Find a point by moving over the plot (newest tasks on the right): the hint names the task under the pointer.
    // A point answers within 10 px, so a 14 px grid cannot miss one.
    const over = chart.locator('.u-over');
    const box = (await over.boundingBox())!;
    let found = false;
    for (let x = box.x + box.width - 2; x > box.x && !found; x -= 14) {
      for (let y = box.y + 2; y < box.y + box.height && !found; y += 14) {
        await page.mouse.move(x, y);
        found = /click to open$/.test((await page.getByTestId('duration-chart-hint').textContent()) ?? '');
        if (found) {
          await page.mouse.click(x, y);
        }
      }
    }
    expect(found, 'no task point found on the chart').toBe(true);
    await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}/);
    await expect(page.getByTestId('flow-header')).toBeVisible();
  });
});
