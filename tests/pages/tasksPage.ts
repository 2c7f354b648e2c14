// The Tasks page: locators and steps, the same for the sandbox and a real Grafana.
import { expect, type Locator, type Page } from '@playwright/test';
import { testIds } from '../../src/testIds';
import { APP, type AppHost } from './host';

export class TasksPage {
  readonly rows: Locator;
  readonly empty: Locator;
  readonly error: Locator;
  readonly retry: Locator;
  readonly submit: Locator;
  readonly correlationId: Locator;
  readonly taskUuid: Locator;
  readonly taskName: Locator;
  readonly namespace: Locator;
  readonly queryPreview: Locator;

  constructor(readonly page: Page) {
    const id = (t: string) => page.getByTestId(t);
    this.rows = id(testIds.tasks.row);
    this.empty = id(testIds.tasks.empty);
    this.error = id(testIds.common.dataError);
    this.retry = id(testIds.common.dataErrorRetry);
    this.submit = id(testIds.filters.submit);
    this.correlationId = id(testIds.filters.correlationId);
    this.taskUuid = id(testIds.filters.taskUuid);
    this.taskName = id(testIds.filters.taskName);
    this.namespace = id(testIds.filters.namespace);
    this.queryPreview = id(testIds.queryPreview.container);
  }

  /** Opens the Tasks page; `query` is the URL's search part without "?", e.g. "from=now-6h&to=now". */
  async open(host: AppHost, query = ''): Promise<this> {
    await host.open(this.page, `${APP}/tasks${query ? `?${query}` : ''}`);
    return this;
  }

  /** Fills one filter field and runs the search. */
  async searchBy(field: Locator, value: string): Promise<void> {
    await field.fill(value);
    await this.submit.click();
  }

  /** Picks a namespace in the namespace select (values come from Tempo's tag values). */
  async chooseNamespace(namespace: string): Promise<void> {
    await this.namespace.getByRole('combobox').click();
    await this.page.getByRole('option', { name: namespace, exact: true }).click();
    await this.page.keyboard.press('Escape');
  }

  rowLink(row: Locator): Locator {
    return row.getByTestId(testIds.tasks.rowLink);
  }

  /** The list has loaded: rows, or the empty state. */
  async settled(): Promise<void> {
    await expect(this.page.getByTestId(testIds.tasks.table).or(this.empty)).toBeVisible();
  }

  /** The message of a field, as the field points to it (aria-describedby). */
  async fieldMessage(field: Locator): Promise<Locator> {
    const messageId = await field.getAttribute('aria-describedby');
    expect(messageId, 'the field points to its message').toBeTruthy();
    return this.page.locator(`[id="${messageId}"]`);
  }
}
