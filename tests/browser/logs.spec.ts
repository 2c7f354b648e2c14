// Journeys on the Logs page: search, follow a log line to its task flow and its trace, bad paths. The journeys are
// shared with the real-Grafana e2e (tests/pages/).
import { expect, test } from './fixtures';
import { journeys } from '../pages/journeys';
import { FlowPage } from '../pages/flowPage';
import { LogsPage } from '../pages/logsPage';
import { demoTask, requests, sandboxHost as host, setMode } from './sandbox';

test.describe('logs page', () => {
  test('finds the logs of a task and follows a line to its task flow', async ({ page, context }) => {
    const task = await journeys.logsOfTaskToFlow({ page, context, host });
    expect((await requests(page, 'loki')).some((r) => r.query.includes(task.correlationId))).toBe(true);
  });

  test("a tasker-core task's lines that carry only its traces' ids are beside its flow, and lead back to it", async ({
    page,
  }) => {
    const task = await demoTask('tasker-core');
    const flow = new FlowPage(page);
    await flow.open(host, task.correlationId, { query: 'from=now-6h&to=now' });
    await flow.loaded();
    await expect(flow.logs.getByTestId('task-logs-searched-by')).toContainText(/\d+ traces/);
    // Written inside finalize_task and enqueue_ready_steps: the record has the span's trace context and no task id.
    const finalized = flow.logRows.filter({ hasText: 'task.finalization_completed' });
    await expect(finalized).toHaveCount(1);
    await expect(flow.logRows.filter({ hasText: 'Enqueued ready steps' }).first()).toBeVisible();
    await expect(finalized.getByTestId('log-task-link')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/h16-task-logs.png' });
    const loki = await requests(page, 'loki');
    expect(loki.some((r) => r.query.includes('trace_id=~'))).toBe(true);
    // Such a line opens its trace, and the trace its whole task.
    await finalized.getByTestId('log-trace-link').click();
    await expect(page).toHaveURL(/\/a\/tasker-observability-app\/trace\/[0-9a-f]{32}/);
    await new FlowPage(page).loaded();
    await page.getByTestId('flow-open-task').click();
    await expect(page).toHaveURL(new RegExp(`/tasks/(${task.taskUuid}|${task.correlationId})`));
    await new FlowPage(page).loaded();
  });

  test('follows a log line to its trace', async ({ page, context }) => {
    await journeys.logLineToTrace({ page, context, host });
  });

  test('a failing Loki shows the error and Retry works', async ({ page }) => {
    const logs = await new LogsPage(page).open(host, 'ds=fail');
    await expect(logs.error).toBeVisible();
    await setMode(page, 'normal');
    await logs.retry.click();
    await expect(logs.rows.first()).toBeVisible();
    await expect(logs.error).toHaveCount(0);
  });

  test('an empty result explains itself', async ({ page }) => {
    const logs = await new LogsPage(page).open(host, 'ds=empty');
    await expect(logs.empty).toBeVisible();
    await expect(logs.empty).toContainText(/no|nothing/i);
    await expect(logs.error).toHaveCount(0);
  });
});
