// The Logs page: locators and steps, the same for the sandbox and a real Grafana.
import type { Locator, Page } from '@playwright/test';
import { testIds } from '../../src/testIds';
import { APP, type AppHost } from './host';

export class LogsPage {
  readonly root: Locator;
  readonly rows: Locator;
  readonly empty: Locator;
  readonly error: Locator;
  readonly retry: Locator;
  readonly correlationId: Locator;
  readonly submit: Locator;
  readonly taskLinks: Locator;
  readonly traceLinks: Locator;

  constructor(readonly page: Page) {
    const id = (t: string) => page.getByTestId(t);
    this.root = id(testIds.filters.page('logs'));
    this.rows = id(testIds.logs.row);
    this.empty = id(testIds.logs.empty);
    this.error = id(testIds.common.dataError);
    this.retry = id(testIds.common.dataErrorRetry);
    this.correlationId = id(testIds.filters.correlationId);
    this.submit = id(testIds.filters.submit);
    this.taskLinks = this.rows.getByTestId(testIds.logs.taskLink);
    this.traceLinks = this.rows.getByTestId(testIds.logs.traceLink);
  }

  async open(host: AppHost, query = ''): Promise<this> {
    await host.open(this.page, `${APP}/logs${query ? `?${query}` : ''}`);
    return this;
  }

  async searchByCorrelationId(id: string): Promise<void> {
    await this.correlationId.fill(id);
    await this.submit.click();
  }
}
