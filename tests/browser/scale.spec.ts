// The 100k-span task: opens, scrolls, expands all, collapses all, filters, with a small DOM. Timings are the
// bench's business (bench/browser-bench.ts); here only behaviour and DOM size.
import { expect, test, type Page } from './fixtures';
import { largeCorrelationId } from '../../sandbox/src/data/large';
import { APP, openSandbox } from './sandbox';

const SPANS = 100_000;
const MAX_DOM_ELEMENTS = 3000;

function domSize(page: Page): Promise<number> {
  return page.evaluate(() => document.getElementsByTagName('*').length);
}

/** "401 of 100,000 spans shown" → [401, 100000]. */
async function counts(page: Page): Promise<[number, number]> {
  const text = (await page.getByTestId('flow-row-count').textContent()) ?? '';
  const m = /([\d,]+)\D+([\d,]+)/.exec(text);
  return m ? [Number(m[1].replace(/,/g, '')), Number(m[2].replace(/,/g, ''))] : [NaN, NaN];
}

async function shownCount(page: Page): Promise<number> {
  return (await counts(page))[0];
}

test.describe('100k-span task', () => {
  test.setTimeout(180_000);

  test('opens, scrolls, expands all, collapses all and filters with a small DOM', async ({ page }) => {
    await openSandbox(page, `${APP}/tasks/${largeCorrelationId(SPANS)}`);
    const tree = page.getByTestId('flow-tree');
    await expect(tree).toBeVisible({ timeout: 120_000 });
    expect((await counts(page))[1]).toBe(SPANS);
    expect(await domSize(page)).toBeLessThan(MAX_DOM_ELEMENTS);

    await page.getByTestId('flow-expand-all').click();
    await expect.poll(() => shownCount(page), { timeout: 30_000 }).toBe(SPANS);
    expect(await domSize(page)).toBeLessThan(MAX_DOM_ELEMENTS);

    // Scroll to the middle and to the end: rows there render, the DOM stays small.
    const firstBefore = await page.getByTestId('flow-row').first().getAttribute('data-row');
    // flow-tree is the scrolling element.
    await tree.evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    await expect.poll(() => page.getByTestId('flow-row').first().getAttribute('data-row')).not.toBe(firstBefore);
    const middleRow = Number(await page.getByTestId('flow-row').first().getAttribute('data-row'));
    expect(middleRow).toBeGreaterThan(SPANS / 4);
    await tree.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect(page.getByTestId('flow-row').filter({ hasText: 'finalize_task' })).toBeVisible();
    expect(await domSize(page)).toBeLessThan(MAX_DOM_ELEMENTS);

    await page.getByTestId('flow-collapse-all').click();
    await expect.poll(() => shownCount(page)).toBe(1);

    // etl_step_4242 is a step_name attribute: its spans (execute_step, handler_execution, ...) match.
    await page.getByTestId('flow-search').fill('etl_step_4242');
    await expect(page.getByTestId('flow-match-count')).toContainText(/[1-9]\d* match/);
    await page.getByTestId('flow-matches-only').click();
    await expect(page.getByTestId('flow-matches-only')).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => shownCount(page)).toBeLessThan(20);
    expect(await shownCount(page)).toBeGreaterThan(1);
    await expect(page.getByTestId('flow-row').filter({ hasText: 'handler_execution' }).first()).toBeVisible();
    expect(await domSize(page)).toBeLessThan(MAX_DOM_ELEMENTS);
  });
});
