// The task flow page: locators and steps, the same for the sandbox and a real Grafana.
import { expect, type Locator, type Page } from '@playwright/test';
import { testIds } from '../../src/testIds';
import { APP, type AppHost } from './host';

export class FlowPage {
  readonly tree: Locator;
  readonly header: Locator;
  readonly phaseBar: Locator;
  readonly stepTable: Locator;
  readonly rows: Locator;
  readonly rowCount: Locator;
  readonly loading: Locator;
  readonly error: Locator;
  readonly empty: Locator;
  readonly expandAllButton: Locator;
  readonly collapseAllButton: Locator;
  readonly search: Locator;
  readonly matchCount: Locator;
  readonly matchesOnly: Locator;
  readonly errorsOnly: Locator;
  readonly details: Locator;
  readonly attributes: Locator;
  readonly spanLogsButton: Locator;
  readonly logs: Locator;
  readonly logRows: Locator;

  constructor(readonly page: Page) {
    const id = (t: string) => page.getByTestId(t);
    this.tree = id(testIds.flow.tree);
    this.header = id(testIds.flow.header);
    this.phaseBar = id(testIds.flow.phaseBar);
    this.stepTable = id(testIds.flow.stepTable);
    this.rows = id(testIds.flow.row);
    this.rowCount = id(testIds.flow.rowCount);
    this.loading = id(testIds.flow.loading);
    this.error = id(testIds.flow.error);
    this.empty = id(testIds.flow.empty);
    this.expandAllButton = id(testIds.flow.expandAll);
    this.collapseAllButton = id(testIds.flow.collapseAll);
    this.search = id(testIds.flow.search);
    this.matchCount = id(testIds.flow.matchCount);
    this.matchesOnly = id(testIds.flow.matchesOnly);
    this.errorsOnly = id(testIds.flow.errorsOnly);
    this.details = id(testIds.span.details);
    this.attributes = this.details.getByTestId(testIds.span.attributes);
    this.spanLogsButton = this.details.getByTestId(testIds.span.logsButton);
    this.logs = id(testIds.logs.taskLogs);
    this.logRows = this.logs.getByTestId(testIds.logs.row);
  }

  /** Opens a task by correlation_id or task_uuid (or `trace/<id>` with `kind: 'trace'`) and waits for its tree. */
  async open(host: AppHost, id: string, options: { kind?: 'tasks' | 'trace'; query?: string } = {}): Promise<this> {
    const { kind = 'tasks', query } = options;
    await host.open(this.page, `${APP}/${kind}/${id}${query ? `?${query}` : ''}`);
    return this;
  }

  async loaded(): Promise<void> {
    await expect(this.tree).toBeVisible();
  }

  /** "13 of 26 spans shown" → [13, 26]. */
  async shown(): Promise<[number, number]> {
    const text = (await this.rowCount.textContent()) ?? '';
    const m = /([\d,]+)\D+([\d,]+)/.exec(text);
    expect(m, `flow-row-count reads "${text}"`).not.toBeNull();
    return [Number(m![1].replace(/,/g, '')), Number(m![2].replace(/,/g, ''))];
  }

  async expandAll(): Promise<void> {
    await this.expandAllButton.click();
  }

  async collapseAll(): Promise<void> {
    await this.collapseAllButton.click();
  }

  rowNamed(name: string | RegExp): Locator {
    return this.rows.filter({ hasText: name }).first();
  }

  rowOfSpan(spanId: string): Locator {
    return this.page.locator(`[data-testid="${testIds.flow.row}"][data-span-id="${spanId}"]`);
  }

  /** Expands all, selects the first row named `name`, waits for its details; returns its span id. */
  async selectSpanNamed(name: string | RegExp): Promise<string> {
    await this.expandAll();
    const row = this.rowNamed(name);
    const spanId = (await row.getAttribute('data-span-id')) ?? '';
    await row.click();
    await expect(this.details).toBeVisible();
    return spanId;
  }

  /** Types in the tree's search box and waits for the match count (the search is debounced). */
  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await expect(this.matchCount).toBeVisible();
  }

  /** The Explore link of the selected span. */
  exploreLink(): Locator {
    return this.details.getByRole('link', { name: /explore/i }).first();
  }
}
