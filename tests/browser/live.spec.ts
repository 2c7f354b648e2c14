// No dependence on Grafana Live (issue 10): with the Tempo datasource streaming searches, the Tasks page works
// when Live is up (the search streams: partial answers, then Done) and when a proxy blocks Live's websocket (the app
// then asks Grafana's query API, /api/ds/query, which never streams). The sandbox serves both paths.
import { expect, test } from './fixtures';
import { TasksPage } from '../pages/tasksPage';
import { APP, demoTask, guardPage, openSandbox, requests } from './sandbox';

for (const streaming of ['on', 'blocked'] as const) {
  test(`finds a task with search streaming ${streaming === 'on' ? 'over Grafana Live' : 'but Live blocked'}`, async ({
    page,
  }) => {
    const seen = guardPage(page);
    const task = await demoTask('documented');
    await openSandbox(page, `${APP}/tasks?from=now-6h&to=now&streaming=${streaming}`);
    const tasks = new TasksPage(page);
    await tasks.searchBy(tasks.correlationId, task.correlationId);
    await expect(tasks.rows).toHaveCount(1);
    await expect(tasks.rows.first()).toContainText(task.correlationId);
    const viaQueryApi = (await requests(page, 'backend')).filter((r) => r.query.startsWith('POST /api/ds/query'));
    if (streaming === 'on') {
      expect(viaQueryApi).toEqual([]);
      expect((await requests(page, 'tempo')).some((r) => r.query.includes(task.correlationId))).toBe(true);
    } else {
      expect(viaQueryApi.length).toBeGreaterThan(0);
    }
    expect(seen.errors).toEqual([]);
  });
}
