// Shared by the real-Grafana specs: skipping without Grafana, and Grafana as an AppHost for the journeys shared
// with the sandbox (tests/pages/).
import { test } from '@grafana/plugin-e2e';
import { expect, type Page } from '@playwright/test';
import { testIds } from '../../src/testIds';
import { APP, type AppHost, type KnownTask } from '../pages/host';

export { PLUGIN_ID } from '../pages/host';

/** Call at the top of each spec file: skips (never passes) every test when the global setup found no Grafana. */
export function skipWithoutGrafana(): void {
  const reason = process.env.GRAFANA_UNAVAILABLE;
  test.skip(!!reason, reason ?? '');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** How long a journey waits for the workload generator's first finished task (a stack that has just started). */
const DATA_WAIT_MS = Number(process.env.GRAFANA_DATA_WAIT_MS ?? 180_000);
const LIST = `${APP}/tasks?from=now-1h&to=now&status=ok`;

let known: KnownTask | undefined;

/**
 * The newest finished task with both ids, read from the Tasks page (what a user sees). Waits for one, reloading the
 * list, for up to DATA_WAIT_MS (a stack that has just started has no finished task yet); then fails, never skips,
 * saying what is missing.
 */
async function findTask(page: Page): Promise<KnownTask> {
  if (known) {
    return known;
  }
  const read = async (): Promise<KnownTask | undefined> => {
    await openApp(page, LIST);
    const rows = page.getByTestId(testIds.tasks.row);
    await expect(rows.first().or(page.getByTestId(testIds.tasks.empty))).toBeVisible({ timeout: 60_000 });
    for (const row of await rows.all()) {
      const [correlationId, taskUuid, namespace] = (await row.locator('td').allTextContents()).map((t) => t.trim());
      if (UUID.test(correlationId) && UUID.test(taskUuid) && namespace && namespace !== '—') {
        return { correlationId, taskUuid, namespace };
      }
    }
    return undefined;
  };
  await expect
    .poll(async () => (known = await read()), {
      timeout: DATA_WAIT_MS,
      // Tempo makes new spans searchable within seconds; the workload finishes a task every few seconds.
      intervals: [5_000],
      message:
        'No finished Tasker task with a correlation_id, a task_uuid and a namespace in the last hour: ' +
        'is the tasker-workload service of the compose stack running?',
    })
    .toBeDefined();
  return known!;
}

/** Opens a path of the app and waits until Grafana has mounted the plugin's page there. */
async function openApp(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(
    page
      .getByTestId(testIds.filters.page('tasks'))
      .or(page.getByTestId(testIds.filters.page('logs')))
      .or(page.getByTestId(testIds.settings.page))
      .or(page.getByTestId(testIds.flow.tree))
      .or(page.getByTestId(testIds.flow.loading))
      .or(page.getByTestId(testIds.flow.error))
      .or(page.getByTestId(testIds.flow.empty))
      .first()
  ).toBeVisible({ timeout: 30_000 });
}

export const grafanaHost: AppHost = {
  name: 'grafana',
  open: openApp,
  task: findTask,
};
