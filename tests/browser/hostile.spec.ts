// Telemetry is user data: HTML, script, RTL overrides, zero-width characters and very long values render as text.
import { expect, test } from './fixtures';
import { APP, demoTask, guardPage, hostile, openSandbox } from './sandbox';

test.describe('hostile data', () => {
  test('span names, attributes, events and log lines render as text and run no script', async ({ page }) => {
    const seen = guardPage(page);
    await page.addInitScript(() => {
      // Any script the data smuggled in would call one of these.
      (window as unknown as { __pwned: number }).__pwned = 0;
      window.alert = () => {
        (window as unknown as { __pwned: number }).__pwned++;
      };
    });
    await openSandbox(page, `${APP}/tasks/${(await demoTask('hostile')).correlationId}`);
    const h = await hostile(page);
    await expect(page.getByTestId('flow-tree')).toBeVisible();
    await page.getByTestId('flow-expand-all').click();

    // The raw strings are visible as text, in the tree...
    const imgRow = page.getByTestId('flow-row').filter({ hasText: h.strings.img }).first();
    await expect(imgRow).toBeVisible();
    await expect(page.getByTestId('flow-row').filter({ hasText: h.strings.script }).first()).toBeVisible();
    // ...in the span details (attributes, status message, events)...
    await imgRow.click();
    const details = page.getByTestId('span-details');
    await expect(details).toContainText(h.strings.img);
    await expect(details.getByTestId('span-attributes')).toContainText(h.strings.script);
    await expect(details.getByTestId('span-attributes')).toContainText(h.strings.rtl);
    await expect(details.getByTestId('span-attributes')).toContainText('<b>key</b>');
    // ...and in the logs.
    const logs = page.getByTestId('task-logs');
    // (Text content, not visibility: the log panel's layout is the pages' business and is checked by screenshots.)
    for (const text of [h.strings.img, h.strings.script, h.strings.rtl]) {
      await expect(logs.getByTestId('log-message').filter({ hasText: text }).first()).toBeAttached();
    }

    // Nothing became markup: no <img src=x>, no <b> from data, no injected <script> element.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('[data-testid="span-details"] b, [data-testid="task-logs"] b').count()).toBe(0);
    expect(
      await page.evaluate(() => Array.from(document.scripts).filter((s) => s.textContent?.includes('alert(')).length)
    ).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned)).toBe(0);
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  test('the task list shows a hostile task name as text', async ({ page }) => {
    const seen = guardPage(page);
    await openSandbox(page, `${APP}/tasks`);
    const h = await hostile(page);
    await page.getByTestId('tasks-filter-correlation-id').fill(h.correlationId);
    await page.getByTestId('filter-submit').click();
    const row = page.getByTestId('task-row').first();
    await expect(row).toContainText(h.strings.img);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(seen.dialogs).toEqual([]);
  });

  test('a very long value does not stretch the page sideways', async ({ page }) => {
    await openSandbox(page, `${APP}/tasks/${(await demoTask('hostile')).correlationId}`);
    const h = await hostile(page);
    await page.getByTestId('flow-expand-all').click();
    await page.getByTestId('flow-row').filter({ hasText: h.strings.img }).first().click();
    await expect(page.getByTestId('span-details')).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow, 'horizontal overflow of the page in px').toBeLessThanOrEqual(1);
  });
});
