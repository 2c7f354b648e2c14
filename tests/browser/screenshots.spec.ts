// Writes the README's screenshots: each page in light and dark theme, into docs/screenshots/.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { APP, openSandbox, taskOfShape } from './sandbox';

const OUT = 'docs/screenshots';
const THEMES = ['light', 'dark'] as const;

async function shoot(page: Page, name: string, theme: string, fullPage = false) {
  mkdirSync(OUT, { recursive: true });
  // Let fonts, icons and the last layout settle; hide the caret so images do not flicker between runs.
  await page.addStyleTag({ content: '* { caret-color: transparent !important; }' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/${name}-${theme}.png`, fullPage });
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
      await openSandbox(page, `${APP}/tasks?theme=${theme}`);
      const task = await taskOfShape(page, 'documented');
      await page.goto(`${APP}/tasks/${task.correlationId}`);
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

    test(`configuration page, ${theme}`, async ({ page }) => {
      await openSandbox(page, `/plugins/tasker-observability-app?theme=${theme}`);
      await page.getByTestId('settings-test-button').click();
      await expect(page.getByTestId('settings-test-results')).toBeVisible();
      await shoot(page, 'configuration', theme, true);
    });
  });
}
