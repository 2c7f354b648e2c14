// The user journeys that run both in the sandbox (tests/browser/*.spec.ts, which add checks only the sandbox can
// make: its request log, its demo data) and against a real Grafana with the compose stack (tests/grafana/). Each
// journey returns what it worked on, so a spec can check more.
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { testIds } from '../../src/testIds';
import { ConfigPage } from './configPage';
import { FlowPage } from './flowPage';
import type { AppHost, KnownTask } from './host';
import { LogsPage } from './logsPage';
import { TasksPage } from './tasksPage';

export interface JourneyContext {
  page: Page;
  context: BrowserContext;
  host: AppHost;
  /** The task to work on; by default the host's (host.task()). */
  task?: KnownTask;
}

const TASK_URL = /\/a\/tasker-observability-app\/tasks\/[0-9a-f-]{36}/;
const HOSTILE_INPUT = '<img src=x onerror=alert(1)>';

function pathOf(url: string): string {
  return url.replace(/^https?:\/\/[^/]+/, '');
}

async function taskOf(ctx: JourneyContext): Promise<KnownTask> {
  return ctx.task ?? ctx.host.task(ctx.page);
}

export const journeys = {
  async findTaskByCorrelationId(ctx: JourneyContext) {
    const task = await taskOf(ctx);
    const tasks = await new TasksPage(ctx.page).open(ctx.host, 'from=now-6h&to=now');
    await tasks.searchBy(tasks.correlationId, task.correlationId);
    await expect(tasks.rows).toHaveCount(1);
    await expect(tasks.rows.first()).toContainText(task.correlationId);
    await expect(tasks.rows.first()).toContainText(task.namespace);
    await tasks.rowLink(tasks.rows.first()).click();
    // A row opens by task_uuid when it has one, else by correlation_id.
    await expect(ctx.page).toHaveURL(new RegExp(`/tasks/(${task.taskUuid}|${task.correlationId})`));
    await new FlowPage(ctx.page).loaded();
    return task;
  },

  async findTaskByTaskUuid(ctx: JourneyContext) {
    const task = await taskOf(ctx);
    const tasks = await new TasksPage(ctx.page).open(ctx.host, 'from=now-6h&to=now');
    await tasks.searchBy(tasks.taskUuid, task.taskUuid);
    await expect(tasks.rows.first()).toContainText(task.taskUuid);
    await expect(tasks.rows).toHaveCount(1);
    return task;
  },

  async filterByNamespace(ctx: JourneyContext) {
    const task = await taskOf(ctx);
    const tasks = await new TasksPage(ctx.page).open(ctx.host, 'from=now-6h&to=now');
    await tasks.chooseNamespace(task.namespace);
    await tasks.submit.click();
    await expect(tasks.rows.first()).toBeVisible();
    // The namespace column: rows that carry one carry the chosen one (tasker-core's stray worker spans carry none).
    const namespaces = await tasks.rows.locator('td:nth-child(3)').allTextContents();
    const named = namespaces.filter((ns) => ns.trim() !== '—');
    expect(named.length).toBeGreaterThan(0);
    expect(new Set(named)).toEqual(new Set([task.namespace]));
    return task;
  },

  async searchLivesInTheUrl(ctx: JourneyContext) {
    const task = await taskOf(ctx);
    const tasks = await new TasksPage(ctx.page).open(ctx.host, 'from=now-6h&to=now');
    await tasks.searchBy(tasks.correlationId, task.correlationId);
    await expect(tasks.rows).toHaveCount(1);
    const url = pathOf(ctx.page.url());
    expect(url).toContain(task.correlationId);
    // Share: another tab opens on the same search; reload keeps it; open a task, then back.
    const shared = new TasksPage(await ctx.context.newPage());
    await ctx.host.open(shared.page, url);
    await expect(shared.correlationId).toHaveValue(task.correlationId);
    await expect(shared.rows).toHaveCount(1);
    await shared.page.reload();
    await expect(shared.rows).toHaveCount(1);
    await shared.rowLink(shared.rows.first()).click();
    await new FlowPage(shared.page).loaded();
    await shared.page.goBack();
    await expect(shared.correlationId).toHaveValue(task.correlationId);
    return task;
  },

  async invalidIdIsRefused(ctx: JourneyContext) {
    const tasks = await new TasksPage(ctx.page).open(ctx.host);
    await tasks.settled();
    await tasks.correlationId.fill('not-a-uuid" || true');
    // The error belongs to the field: aria-invalid, and the message it points to says what is expected.
    await expect(tasks.correlationId).toHaveAttribute('aria-invalid', 'true');
    await expect(await tasks.fieldMessage(tasks.correlationId)).toContainText(/uuid/i);
    await expect(tasks.submit).toBeDisabled();
    await tasks.correlationId.press('Enter');
    return tasks;
  },

  async hostileInputStaysText(ctx: JourneyContext) {
    const dialogs: string[] = [];
    ctx.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const tasks = await new TasksPage(ctx.page).open(ctx.host);
    await tasks.taskName.fill(HOSTILE_INPUT);
    await expect(tasks.queryPreview).toContainText(HOSTILE_INPUT);
    expect(await ctx.page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  },

  async openTaskFlow(ctx: JourneyContext) {
    const task = await taskOf(ctx);
    const flow = await new FlowPage(ctx.page).open(ctx.host, task.correlationId);
    await flow.loaded();
    await expect(flow.header).toContainText(task.correlationId);
    await expect(flow.header).toContainText(task.taskUuid);
    await expect(flow.header).toContainText(task.namespace);
    await expect(flow.phaseBar).toBeVisible();
    await expect(flow.logRows.first()).toBeVisible();
    return { task, flow };
  },

  async expandAndCollapse(ctx: JourneyContext) {
    const task = await taskOf(ctx);
    const flow = await new FlowPage(ctx.page).open(ctx.host, task.correlationId);
    await flow.loaded();
    await flow.collapseAll();
    await expect.poll(async () => (await flow.shown())[0]).toBe(1);
    await expect(flow.rows).toHaveCount(1);
    await flow.expandAll();
    const total = (await flow.shown())[1];
    await expect.poll(async () => (await flow.shown())[0]).toBe(total);
    // Collapse the root by its toggle, then open it again.
    const root = flow.rows.first();
    await root.getByRole('button', { name: 'Collapse' }).click();
    await expect(root).toHaveAttribute('aria-expanded', 'false');
    await expect(flow.rows).toHaveCount(1);
    await root.getByRole('button', { name: 'Expand' }).click();
    await expect(root).toHaveAttribute('aria-expanded', 'true');
    expect(await flow.rows.count()).toBeGreaterThan(1);
    return { task, total };
  },

  /** Selects a span (by name, or the second row), reads it, shows its logs, and reopens the shared URL on it. */
  async selectSpanAndShare(ctx: JourneyContext, spanName?: string) {
    const task = await taskOf(ctx);
    const flow = await new FlowPage(ctx.page).open(ctx.host, task.correlationId);
    await flow.loaded();
    await flow.expandAll();
    const row = spanName ? flow.rowNamed(spanName) : flow.rows.nth(1);
    const spanId = (await row.getAttribute('data-span-id')) ?? '';
    await row.click();
    await expect(flow.details).toBeVisible();
    await expect(flow.details).toContainText(spanId);
    if (spanName) {
      await expect(flow.details).toContainText(spanName);
    }
    await expect(flow.attributes).toBeVisible();
    await expect(ctx.page).toHaveURL(new RegExp(`[?&]span=${spanId}`));

    await flow.spanLogsButton.click();
    await expect(flow.logs).toBeVisible();

    // Share: a new tab with the same URL opens on the same span; reload keeps it too.
    const shared = new FlowPage(await ctx.context.newPage());
    await ctx.host.open(shared.page, pathOf(ctx.page.url()));
    await expect(shared.details).toContainText(spanId);
    await expect(shared.rowOfSpan(spanId)).toHaveAttribute('aria-selected', 'true');
    await shared.page.reload();
    await expect(shared.details).toContainText(spanId);
    return { task, flow, spanId };
  },

  async followLogLineToTask(ctx: JourneyContext) {
    const task = await taskOf(ctx);
    const flow = await new FlowPage(ctx.page).open(ctx.host, task.correlationId);
    const link = flow.logs.getByTestId(testIds.logs.taskLink).first();
    await expect(link).toBeVisible();
    await link.click();
    await expect(ctx.page).toHaveURL(TASK_URL);
    await flow.loaded();
    await expect(flow.header).toContainText(task.correlationId);
    return task;
  },

  /** The selected span's Explore link names the Tempo datasource, the trace and the span. */
  async exploreLinkOfSpan(ctx: JourneyContext) {
    const task = await taskOf(ctx);
    const flow = await new FlowPage(ctx.page).open(ctx.host, task.correlationId);
    await flow.loaded();
    const row = flow.rows.nth(1);
    const spanId = (await row.getAttribute('data-span-id')) ?? '';
    await row.click();
    const href = (await flow.exploreLink().getAttribute('href')) ?? '';
    expect(href).toMatch(/\/explore\?/);
    const state = decodeURIComponent(href);
    expect(state).toContain(spanId);
    expect(state).toMatch(/"datasource":\s*"[^"]+"/);
    return { task, href, spanId };
  },

  async logsOfTaskToFlow(ctx: JourneyContext) {
    const task = await taskOf(ctx);
    const logs = await new LogsPage(ctx.page).open(ctx.host, 'from=now-6h&to=now');
    await logs.searchByCorrelationId(task.correlationId);
    await expect(logs.rows.first()).toBeVisible();
    await logs.taskLinks.first().click();
    await expect(ctx.page).toHaveURL(TASK_URL);
    const flow = new FlowPage(ctx.page);
    await flow.loaded();
    await expect(flow.header).toContainText(task.correlationId);
    return task;
  },

  async logLineToTrace(ctx: JourneyContext) {
    const task = await taskOf(ctx);
    const logs = await new LogsPage(ctx.page).open(ctx.host, 'from=now-6h&to=now');
    await logs.searchByCorrelationId(task.correlationId);
    const link = logs.traceLinks.first();
    await expect(link).toBeVisible();
    await link.click();
    await expect(ctx.page).toHaveURL(/\/a\/tasker-observability-app\/trace\/[0-9a-f]{1,32}/);
    await new FlowPage(ctx.page).loaded();
    return task;
  },

  async configurationProbes(ctx: JourneyContext) {
    const config = await new ConfigPage(ctx.page).open(ctx.host);
    await config.testButton.click();
    await expect(config.results).toBeVisible();
    await expect(config.result('tempo')).toBeVisible();
    await expect(config.result('loki')).toBeVisible();
    return config;
  },
};

export type JourneyName = keyof typeof journeys;

