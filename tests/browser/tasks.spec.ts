// Journeys on the Tasks page: search by correlation_id, task_uuid and namespace, open a task, share and reload,
// and the bad paths (invalid id, failing datasource with retry, empty result).
import { expect, test, type Page } from '@playwright/test';
import { APP, clearRequests, guardPage, openSandbox, requests, setMode, taskOfShape } from './sandbox';

async function search(page: Page, testId: string, value: string) {
  await page.getByTestId(testId).fill(value);
  await page.getByTestId('filter-submit').click();
}

test.describe('tasks page', () => {
  test('finds a task by correlation_id and opens its flow', async ({ page }) => {
    const seen = guardPage(page);
    await openSandbox(page, `${APP}/tasks`);
    const task = await taskOfShape(page, 'documented');
    await search(page, 'tasks-filter-correlation-id', task.correlationId);
    const rows = page.getByTestId('task-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(task.correlationId);
    await expect(rows.first()).toContainText(task.namespace);
    // The query that ran carries the id, escaped and scoped.
    const tempo = await requests(page, 'tempo');
    expect(tempo.some((r) => r.query.includes(`"${task.correlationId}"`))).toBe(true);
    await rows.first().getByTestId('task-row-link').click();
    // A row opens by task_uuid when it has one, else by correlation_id.
    await expect(page).toHaveURL(new RegExp(`/tasks/(${task.taskUuid}|${task.correlationId})`));
    await expect(page.getByTestId('flow-tree')).toBeVisible();
    expect(seen.errors).toEqual([]);
  });

  test('finds a tasker-core task by task_uuid', async ({ page }) => {
    await openSandbox(page, `${APP}/tasks`);
    const task = await taskOfShape(page, 'tasker-core');
    await search(page, 'tasks-filter-task-uuid', task.taskUuid);
    const rows = page.getByTestId('task-row');
    await expect(rows.first()).toContainText(task.taskUuid);
    await expect(rows).toHaveCount(1);
  });

  test('filters by namespace with values from Tempo', async ({ page }) => {
    await openSandbox(page, `${APP}/tasks?from=now-6h&to=now`);
    const task = await taskOfShape(page, 'documented');
    const ns = page.getByTestId('tasks-filter-namespace');
    await ns.getByRole('combobox').click();
    await page.getByRole('option', { name: task.namespace, exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('filter-submit').click();
    const rows = page.getByTestId('task-row');
    await expect(rows.first()).toBeVisible();
    const texts = await rows.allTextContents();
    // Rows with a namespace all carry the chosen one (tasker-core's stray worker spans may carry none).
    const withNs = texts.filter((t) => /_workflow|fulfillment|payments|pipeline|ecommerce/.test(t));
    expect(withNs.length).toBeGreaterThan(0);
    for (const t of withNs) {
      expect(t).toContain(task.namespace);
    }
    expect(
      (await requests(page, 'backend')).some((r) => r.query.includes('/search/tag/') && r.query.includes('namespace'))
    ).toBe(true);
  });

  test('keeps the search in the URL: share, reload, back', async ({ page, context }) => {
    await openSandbox(page, `${APP}/tasks`);
    const task = await taskOfShape(page, 'documented');
    await search(page, 'tasks-filter-correlation-id', task.correlationId);
    await expect(page.getByTestId('task-row')).toHaveCount(1);
    const url = page.url().replace(/^https?:\/\/[^/]+/, '');
    expect(url).toContain(task.correlationId);
    const shared = await context.newPage();
    await openSandbox(shared, url);
    await expect(shared.getByTestId('tasks-filter-correlation-id')).toHaveValue(task.correlationId);
    await expect(shared.getByTestId('task-row')).toHaveCount(1);
    await shared.reload();
    await expect(shared.getByTestId('task-row')).toHaveCount(1);
    await shared.getByTestId('task-row').first().getByTestId('task-row-link').click();
    await expect(shared.getByTestId('flow-tree')).toBeVisible();
    await shared.goBack();
    await expect(shared.getByTestId('tasks-filter-correlation-id')).toHaveValue(task.correlationId);
  });

  test('an invalid id shows the field error and runs no query', async ({ page }) => {
    await openSandbox(page, `${APP}/tasks`);
    await expect(page.getByTestId('tasks-results-table').or(page.getByTestId('tasks-empty'))).toBeVisible();
    await clearRequests(page);
    const field = page.getByTestId('tasks-filter-correlation-id');
    await field.fill('not-a-uuid" || true');
    // The error belongs to the field: aria-invalid, and the message it points to says what is expected.
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const messageId = await field.getAttribute('aria-describedby');
    await expect(page.locator(`[id="${messageId}"]`)).toContainText(/uuid/i);
    await expect(page.getByTestId('filter-submit')).toBeDisabled();
    await page.getByTestId('tasks-filter-correlation-id').press('Enter');
    await page
      .getByTestId('filter-submit')
      .click({ force: true })
      .catch(() => undefined);
    await page.waitForTimeout(500);
    expect(await requests(page, 'tempo')).toEqual([]);
    expect(await requests(page, 'loki')).toEqual([]);
  });

  test('a failing datasource shows the error, and Retry works once it answers', async ({ page }) => {
    await openSandbox(page, `${APP}/tasks?ds=fail`);
    const error = page.getByTestId('data-error');
    await expect(error).toBeVisible();
    await expect(error).toContainText(/500|unavailable|fail/i);
    await setMode(page, 'normal');
    await page.getByTestId('data-error-retry').click();
    await expect(page.getByTestId('task-row').first()).toBeVisible();
    await expect(page.getByTestId('data-error')).toHaveCount(0);
  });

  test('an empty result explains itself', async ({ page }) => {
    await openSandbox(page, `${APP}/tasks?ds=empty`);
    const empty = page.getByTestId('tasks-empty');
    await expect(empty).toBeVisible();
    await expect(empty).toContainText(/no tasks/i);
    await expect(empty).toContainText(/time range/i);
  });
});
