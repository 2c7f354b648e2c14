// Round trips to a task's flow, counted in the sandbox's request log (start and end of each Tempo request, not the
// wall clock): the sandbox charges each query its latency, runs a request's queries one after another and at most
// 6 requests at once, as Grafana and the browser do (sandbox/FIDELITY.md).
import { expect, test } from './fixtures';
import { measuredTasks, openBlank, timeToFlow } from './timeToFlow';

const LATENCY_MS = 100;

test.describe('round trips to a task flow', () => {
  test('a guide-shape task (one trace): the flow, complete, after 2 round trips', async ({ page }) => {
    await openBlank(page);
    const { guide } = await measuredTasks(page);
    const t = await timeToFlow(page, guide.correlationId, LATENCY_MS);
    // The task search, then the trace lookup beside the follow-up search.
    expect(t.firstRowsRounds).toBeLessThanOrEqual(2);
    expect(t.rounds).toBeLessThanOrEqual(2);
    await expect(page.getByTestId('flow-header')).toBeVisible();
  });

  test('a tasker-core task (about 30 traces): first rows after 2 round trips, every trace in near the floor', async ({
    page,
  }) => {
    await openBlank(page);
    const { taskerCore } = await measuredTasks(page);
    const t = await timeToFlow(page, taskerCore.correlationId, LATENCY_MS);
    // The task search, then the first lookups beside the follow-up search.
    expect(t.firstRowsRounds).toBeLessThanOrEqual(2);
    // One lookup per trace, 6 requests at a time: the first search, then the lookups and the follow-up search
    // sharing the connections, is the floor (7 here); one more for timers that fire late on a loaded machine.
    // Before issue 12: 11.
    expect(t.lookups).toBeGreaterThan(20);
    expect(t.rounds).toBeLessThanOrEqual(1 + Math.ceil((t.requests - 1) / 6) + 1);
    await expect(page.getByTestId('flow-header')).toBeVisible();
  });
});
