// Writes the README's screenshots: each page in light and dark theme, into docs/screenshots/. A step of its own
// (the "screenshots" project of playwright.sandbox.config.ts, a separate stage of `npm test`), not a journey.
import { expect, test, type Page } from './fixtures';
import { mkdirSync } from 'node:fs';
import { FlowPage } from '../pages/flowPage';
import { APP, CONFIG, demoTask, openSandbox, sandboxHost } from './sandbox';

const OUT = 'docs/screenshots';
const THEMES = ['light', 'dark'] as const;

async function shoot(page: Page, name: string, theme: string, fullPage = false) {
  mkdirSync(OUT, { recursive: true });
  // Hide the caret so images do not flicker between runs; wait for the fonts and two frames (layout, then paint).
  await page.addStyleTag({ content: '* { caret-color: transparent !important; }' });
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
  await page.screenshot({ path: `${OUT}/${name}-${theme}.png`, fullPage, animations: 'disabled' });
}

for (const theme of THEMES) {
  test.describe(`screenshots (${theme})`, () => {
    test.use({ viewport: { width: 1440, height: 900 } });

    test(`tasks page, ${theme}`, async ({ page }) => {
      // Two namespaces: the unfiltered list is mostly tasker-core's stray worker spans (see sandbox/README.md).
      await openSandbox(
        page,
        `${APP}/tasks?theme=${theme}&from=now-6h&to=now&namespace=order_fulfillment&namespace=diamond_workflow`
      );
      await expect(page.getByTestId('task-row').first()).toBeVisible();
      await shoot(page, 'tasks', theme);
    });

    test(`task flow page, ${theme}`, async ({ page }) => {
      const task = await demoTask('documented');
      await openSandbox(page, `${APP}/tasks/${task.correlationId}?theme=${theme}`);
      await page.getByTestId('flow-expand-all').click();
      await page.getByTestId('flow-row').filter({ hasText: 'handler_execution' }).first().click();
      await expect(page.getByTestId('span-details')).toBeVisible();
      await expect(page.getByTestId('task-logs').getByTestId('log-row').first()).toBeVisible();
      await shoot(page, 'task-flow', theme);
    });

    test(`logs page, ${theme}`, async ({ page }) => {
      await openSandbox(page, `${APP}/logs?theme=${theme}`);
      await expect(page.getByTestId('log-row').first()).toBeVisible();
      await shoot(page, 'logs', theme);
    });

    test(`task file page, ${theme}`, async ({ page }) => {
      // A tasker-core task exported from its flow page, then opened on the file page (file.spec.ts checks both).
      const task = await demoTask('tasker-core');
      const flow = await new FlowPage(page).open(sandboxHost, task.correlationId);
      await flow.loaded();
      await expect.poll(async () => (await flow.shown())[1]).toBe(task.spanCount);
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      const file = test.info().outputPath('task.json');
      await (await downloading).saveAs(file);
      await sandboxHost.open(page, `${APP}/file?theme=${theme}`);
      await page.getByLabel('Task file', { exact: true }).setInputFiles(file);
      const reopened = new FlowPage(page);
      await reopened.loaded();
      await reopened.expandAll();
      await page.getByTestId('flow-row').filter({ hasText: 'create_and_enqueue_task_from_request' }).first().click();
      await expect(page.getByTestId('span-details')).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
      await shoot(page, 'task-file', theme);
    });

    test(`configuration page, ${theme}`, async ({ page }) => {
      await openSandbox(page, `${CONFIG}?theme=${theme}`);
      await page.getByTestId('settings-test-button').click();
      await expect(page.getByTestId('settings-test-results')).toBeVisible();
      await shoot(page, 'configuration', theme, true);
    });
  });
}
