// Journeys on the Tasks page: search by correlation_id, task_uuid and namespace, open a task, share and reload,
// and the bad paths (invalid id, failing datasource with retry, empty result). The journeys are shared with the
// real-Grafana e2e (tests/pages/); the sandbox adds what only it can check: the queries in its request log.
import { expect, test } from './fixtures';
import { journeys } from '../pages/journeys';
import { TasksPage } from '../pages/tasksPage';
import { demoTask, guardPage, requests, sandboxHost as host, setMode } from './sandbox';

test.describe('tasks page', () => {
  test('finds a task by correlation_id and opens its flow', async ({ page, context }) => {
    const seen = guardPage(page);
    const task = await journeys.findTaskByCorrelationId({ page, context, host });
    // The query that ran carries the id, escaped and scoped.
    const tempo = await requests(page, 'tempo');
    expect(tempo.some((r) => r.query.includes(`"${task.correlationId}"`))).toBe(true);
    expect(seen.errors).toEqual([]);
  });

  test('finds a tasker-core task by task_uuid', async ({ page, context }) => {
    await journeys.findTaskByTaskUuid({ page, context, host, task: await demoTask('tasker-core') });
  });

  test('filters by namespace with values from Tempo', async ({ page, context }) => {
    const task = await journeys.filterByNamespace({ page, context, host });
    // The namespace values came from Tempo's tag values (the resource API, or the older search/tag proxy path).
    const tagRequests = (await requests(page, 'backend')).filter((r) => /tag-values|\/search\/tag\//.test(r.query));
    expect(tagRequests.length, `no tag-value request (namespace ${task.namespace})`).toBeGreaterThan(0);
  });

  test('keeps the search in the URL: share, reload, back', async ({ page, context }) => {
    await journeys.searchLivesInTheUrl({ page, context, host });
  });

  test('an invalid id shows the field error and runs no query', async ({ page, context }) => {
    const tasks = await journeys.invalidIdIsRefused({ page, context, host });
    const before = (await requests(page, 'tempo')).length;
    await tasks.submit.click({ force: true }).catch(() => undefined);
    // Proof that nothing ran: fix the id and search; the next Tempo request is that search, with the valid id.
    const task = await demoTask('documented');
    await tasks.searchBy(tasks.correlationId, task.correlationId);
    await expect(tasks.rows).toHaveCount(1);
    const after = (await requests(page, 'tempo')).slice(before);
    expect(after.length).toBeGreaterThan(0);
    expect(after[0].query).toContain(task.correlationId);
    expect(after.some((r) => r.query.includes('not-a-uuid'))).toBe(false);
    expect((await requests(page, 'loki')).some((r) => r.query.includes('not-a-uuid'))).toBe(false);
  });

  test('a failing datasource shows the error, and Retry works once it answers', async ({ page }) => {
    const tasks = await new TasksPage(page).open(host, 'ds=fail');
    await expect(tasks.error).toBeVisible();
    await expect(tasks.error).toContainText(/500|unavailable|fail/i);
    await setMode(page, 'normal');
    await tasks.retry.click();
    await expect(tasks.rows.first()).toBeVisible();
    await expect(tasks.error).toHaveCount(0);
  });

  test('an empty result explains itself', async ({ page }) => {
    const tasks = await new TasksPage(page).open(host, 'ds=empty');
    await expect(tasks.empty).toBeVisible();
    await expect(tasks.empty).toContainText(/no tasks/i);
    await expect(tasks.empty).toContainText(/time range/i);
    await expect(tasks.error).toHaveCount(0);
  });

  test('hostile-looking input stays text in the query preview', async ({ page, context }) => {
    await journeys.hostileInputStaysText({ page, context, host });
  });
});
