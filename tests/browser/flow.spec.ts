// Journeys on the task flow page: open a task, expand and collapse, select a span, read its attributes and logs,
// follow a log line, share the URL and reload it. The journeys are shared with the real-Grafana e2e (tests/pages/);
// here they run on the sandbox's demo data, which also says what the page must show exactly.
import { expect, test } from './fixtures';
import { journeys } from '../pages/journeys';
import { FlowPage } from '../pages/flowPage';
import { demoTask, guardPage, navigate, sandboxHost as host } from './sandbox';

test.describe('task flow', () => {
  test('opens a task by correlation_id with its header, phases, tree and logs', async ({ page, context }) => {
    const seen = guardPage(page);
    const { task, flow } = await journeys.openTaskFlow({ page, context, host });
    const [, total] = await flow.shown();
    expect(total).toBe(task.spanCount);
    expect(seen.errors).toEqual([]);
  });

  test('opens a tasker-core task by task_uuid, stitching its traces', async ({ page }) => {
    const task = await demoTask('tasker-core');
    const flow = await new FlowPage(page).open(host, task.taskUuid);
    await flow.loaded();
    await expect(flow.header).toContainText(task.taskUuid);
    // tasker-core spreads one task over several traces; the header counts them.
    await expect(flow.header).toContainText(/traces\s*[2-9]|traces\s*\d\d/);
  });

  test('expands and collapses all and one node', async ({ page, context }) => {
    const { task, total } = await journeys.expandAndCollapse({ page, context, host });
    expect(total).toBe(task.spanCount);
  });

  test('selects a span, reads its attributes and logs, and the shared URL reopens on it', async ({ page, context }) => {
    const { task, flow } = await journeys.selectSpanAndShare({ page, context, host }, 'handler_execution');
    await expect(flow.attributes).toContainText('correlation_id');
    await expect(flow.attributes).toContainText(task.correlationId);
    // The span's logs replaced the task's: every line shown is the span's.
    await expect(flow.logs).toContainText('handler_execution');
    await expect(flow.logRows.first()).toBeVisible();
  });

  test('follows a log line to its task flow', async ({ page, context }) => {
    await journeys.followLogLineToTask({ page, context, host });
  });

  test('opens a span in Explore with a deep link that names the trace and the span', async ({ page, context }) => {
    const { href, spanId } = await journeys.exploreLinkOfSpan({ page, context, host });
    // The sandbox's Explore stand-in shows the state the link carried.
    await navigate(page, href);
    const state = page.getByTestId('explore-state');
    await expect(state).toContainText('"uid": "tempo"');
    await expect(state).toContainText(spanId);
  });
});
