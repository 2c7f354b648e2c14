// Screenshots of "is this task slow?" (issue 14): the flow page of the slow demo task and the Tasks page's duration
// chart, light and dark. Part of the "screenshots" project of playwright.sandbox.config.ts, like screenshots.spec.ts.
import { expect, test, type Page } from './fixtures';
import { mkdirSync } from 'node:fs';
import { SLOW_TASK } from '../../sandbox/src/data/slowTask';
import { APP, openSandbox } from './sandbox';

const OUT = 'docs/screenshots';

async function shoot(page: Page, name: string) {
  mkdirSync(OUT, { recursive: true });
  await page.addStyleTag({ content: '* { caret-color: transparent !important; }' });
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
  await page.screenshot({ path: `${OUT}/${name}.png`, animations: 'disabled' });
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`history screenshots (${theme})`, () => {
    test.use({ viewport: { width: 1440, height: 900 } });

    test(`slow task flow, ${theme}`, async ({ page }) => {
      await openSandbox(page, `${APP}/tasks/${SLOW_TASK.correlationId}?theme=${theme}&from=now-6h&to=now`);
      await expect(page.getByTestId('history-table').locator('tr[data-slow="true"]').first()).toBeVisible();
      await shoot(page, `task-history-${theme}`);
    });

    test(`tasks duration chart, ${theme}`, async ({ page }) => {
      await openSandbox(page, `${APP}/tasks?theme=${theme}&from=now-6h&to=now&namespace=${SLOW_TASK.namespace}`);
      await expect(page.getByTestId('duration-chart').locator('canvas')).toBeVisible();
      await shoot(page, `tasks-chart-${theme}`);
    });
  });
}
