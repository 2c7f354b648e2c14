// Journeys on the task flow page: open a task, expand and collapse, select a span, read its attributes and logs,
// follow a log line, share the URL and reload it.
import { expect, test, type Page } from '@playwright/test';
import { APP, guardPage, openSandbox, taskOfShape } from './sandbox';

async function rowCount(page: Page): Promise<number> {
  return page.getByTestId('flow-row').count();
}

/** "13 of 26 spans shown" → [13, 26]. */
async function shown(page: Page): Promise<[number, number]> {
  const text = (await page.getByTestId('flow-row-count').textContent()) ?? '';
  const m = /([\d,]+)\D+([\d,]+)/.exec(text);
  expect(m, `flow-row-count reads "${text}"`).not.toBeNull();
  return [Number(m![1].replace(/,/g, '')), Number(m![2].replace(/,/g, ''))];
}

test.describe('task flow', () => {
  test('opens a task by correlation_id with its header, phases, tree and logs', async ({ page }) => {
    const seen = guardPage(page);
    await openSandbox(page, `${APP}/tasks`);
    const task = await taskOfShape(page, 'documented');
    await page.goto(`${APP}/tasks/${task.correlationId}`);
    await expect(page.getByTestId('flow-tree')).toBeVisible();
    await expect(page.getByTestId('flow-header')).toContainText(task.correlationId);
    await expect(page.getByTestId('flow-header')).toContainText(task.namespace);
    await expect(page.getByTestId('phase-bar')).toBeVisible();
    await expect(page.getByTestId('task-logs').getByTestId('log-row').first()).toBeVisible();
    const [, total] = await shown(page);
    expect(total).toBe(task.spanCount);
    expect(seen.errors).toEqual([]);
  });

  test('opens a tasker-core task by task_uuid, stitching its traces', async ({ page }) => {
    await openSandbox(page, `${APP}/tasks`);
    const task = await taskOfShape(page, 'tasker-core');
    await page.goto(`${APP}/tasks/${task.taskUuid}`);
    await expect(page.getByTestId('flow-tree')).toBeVisible();
    await expect(page.getByTestId('flow-header')).toContainText(task.taskUuid);
    // tasker-core spreads one task over several traces; the header counts them.
    await expect(page.getByTestId('flow-header')).toContainText(/traces\s*[2-9]|traces\s*\d\d/);
  });

  test('expands and collapses all and one node', async ({ page }) => {
    await openSandbox(page, `${APP}/tasks`);
    const task = await taskOfShape(page, 'documented');
    await page.goto(`${APP}/tasks/${task.correlationId}`);
    await expect(page.getByTestId('flow-tree')).toBeVisible();
    await page.getByTestId('flow-collapse-all').click();
    await expect.poll(() => shown(page).then((s) => s[0])).toBe(1);
    expect(await rowCount(page)).toBe(1);
    await page.getByTestId('flow-expand-all').click();
    await expect.poll(() => shown(page).then((s) => s[0])).toBe(task.spanCount);
    // Collapse the root by its toggle, then open it again.
    const root = page.getByTestId('flow-row').first();
    await root.getByRole('button', { name: 'Collapse' }).click();
    await expect(root).toHaveAttribute('aria-expanded', 'false');
    expect(await rowCount(page)).toBe(1);
    await root.getByRole('button', { name: 'Expand' }).click();
    await expect(root).toHaveAttribute('aria-expanded', 'true');
    expect(await rowCount(page)).toBeGreaterThan(1);
  });

  test('selects a span, reads its attributes and logs, and the shared URL reopens on it', async ({ page, context }) => {
    await openSandbox(page, `${APP}/tasks`);
    const task = await taskOfShape(page, 'documented');
    await page.goto(`${APP}/tasks/${task.correlationId}`);
    await page.getByTestId('flow-expand-all').click();
    const row = page.getByTestId('flow-row').filter({ hasText: 'handler_execution' }).first();
    const spanId = await row.getAttribute('data-span-id');
    await row.click();
    const details = page.getByTestId('span-details');
    await expect(details).toBeVisible();
    await expect(details).toContainText('handler_execution');
    await expect(details.getByTestId('span-attributes')).toContainText('correlation_id');
    await expect(details.getByTestId('span-attributes')).toContainText(task.correlationId);
    await expect(page).toHaveURL(new RegExp(`[?&]span=${spanId}`));

    await details.getByTestId('span-logs-button').click();
    const logs = page.getByTestId('task-logs');
    await expect(logs).toContainText('handler_execution');
    await expect(logs.getByTestId('log-row').first()).toBeVisible();

    // Share: a new tab with the same URL opens on the same span.
    const shared = await context.newPage();
    await openSandbox(shared, page.url().replace(/^https?:\/\/[^/]+/, ''));
    await expect(shared.getByTestId('span-details')).toContainText('handler_execution');
    await expect(shared.locator(`[data-testid="flow-row"][data-span-id="${spanId}"]`)).toHaveAttribute(
      'aria-selected',
      'true'
    );
    // Reload keeps it too.
    await shared.reload();
    await expect(shared.getByTestId('span-details')).toContainText('handler_execution');
  });

  test('follows a log line to its task flow', async ({ page }) => {
    await openSandbox(page, `${APP}/tasks`);
    const task = await taskOfShape(page, 'documented');
    await page.goto(`${APP}/tasks/${task.correlationId}`);
    const link = page.getByTestId('task-logs').getByTestId('log-task-link').first();
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(/\/a\/tasker-observability-app\/tasks\/[0-9a-f-]{36}/);
    await expect(page.getByTestId('flow-tree')).toBeVisible();
    await expect(page.getByTestId('flow-header')).toContainText(task.correlationId);
  });

  test('opens a span in Explore with a deep link that names the trace and the span', async ({ page }) => {
    await openSandbox(page, `${APP}/tasks`);
    const task = await taskOfShape(page, 'documented');
    await page.goto(`${APP}/tasks/${task.correlationId}`);
    const row = page.getByTestId('flow-row').nth(1);
    const spanId = (await row.getAttribute('data-span-id'))!;
    await row.click();
    // The link opens a new tab in Grafana; follow its href here.
    const href = await page
      .getByTestId('span-details')
      .getByRole('link', { name: /explore/i })
      .first()
      .getAttribute('href');
    expect(href).toMatch(/\/explore\?/);
    await page.goto(href!);
    const state = page.getByTestId('explore-state');
    await expect(state).toContainText('"uid": "tempo"');
    await expect(state).toContainText(spanId);
  });
});
