// The configuration page: locators and steps, the same for the sandbox and a real Grafana.
import type { Locator, Page } from '@playwright/test';
import { testIds } from '../../src/testIds';
import { CONFIG, type AppHost } from './host';

export class ConfigPage {
  readonly testButton: Locator;
  readonly results: Locator;
  readonly save: Locator;
  readonly searchLimitField: Locator;

  constructor(readonly page: Page) {
    const id = (t: string) => page.getByTestId(t);
    this.testButton = id(testIds.settings.test);
    this.results = id(testIds.settings.testResults);
    this.save = id(testIds.settings.save);
    this.searchLimitField = id(testIds.settings.searchLimit);
  }

  async open(host: AppHost): Promise<this> {
    await host.open(this.page, CONFIG);
    return this;
  }

  result(kind: 'tempo' | 'loki' | 'prometheus'): Locator {
    return this.page.getByTestId(testIds.settings.testResult(kind));
  }

  /** The search-limit input (the test id sits on the input or on its wrapper, depending on the component). */
  async searchLimit(): Promise<Locator> {
    const tag = await this.searchLimitField.evaluate((el) => el.tagName);
    return tag === 'INPUT' ? this.searchLimitField : this.searchLimitField.locator('input');
  }
}
