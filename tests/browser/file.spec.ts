// Export a stitched task from its flow page, then open the downloaded file on the file page: the same task, the
// same spans, without any datasource. Also bad files. (The README's picture of the file page: screenshots.spec.ts.)
import { expect, test, type Page } from './fixtures';
import { readFileSync } from 'node:fs';
import { FlowPage } from '../pages/flowPage';
import { APP, demoTask, sandboxHost as host } from './sandbox';

interface SandboxRequests {
  __sandbox: { requests(): unknown[]; clearRequests(): void };
}

function spansIn(text: string): number {
  const doc = JSON.parse(text) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: unknown[] }> }> };
  return doc.resourceSpans.reduce((n, rs) => n + rs.scopeSpans.reduce((m, s) => m + s.spans.length, 0), 0);
}

/** A fresh load of the file page: no request of the flow page before can still be in flight. */
async function openFilePage(page: Page) {
  await host.open(page, `${APP}/file?theme=light`);
  await expect(page.getByLabel('Task file', { exact: true })).toBeAttached();
}

test.describe('task files', () => {
  test('exports a stitched tasker-core task and opens the file again: same task, same span count', async ({ page }) => {
    const task = await demoTask('tasker-core');
    const flow = await new FlowPage(page).open(host, task.correlationId);
    await flow.loaded();
    // The page stitches the task's traces as they arrive: wait for all of them (the sandbox knows how many spans).
    await expect.poll(async () => (await flow.shown())[1]).toBe(task.spanCount);
    const total = task.spanCount;

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`tasker-task-${task.correlationId}.json`);
    const path = test.info().outputPath(download.suggestedFilename());
    await download.saveAs(path);
    const text = readFileSync(path, 'utf8');
    const exported = spansIn(text);
    // Every span of the task, from all its traces (not the tree's synthetic step nodes).
    expect(exported).toBe(total);

    await openFilePage(page);
    await page.evaluate(() => (window as unknown as SandboxRequests).__sandbox.clearRequests());
    await page.getByLabel('Task file', { exact: true }).setInputFiles(path);
    await expect(page.getByTestId('task-file-summary')).toContainText(
      `${download.suggestedFilename()} · OTLP/JSON · ${exported.toLocaleString('en-US')} spans · 1 task`
    );
    const reopened = new FlowPage(page);
    await reopened.loaded();
    await expect(reopened.header).toContainText(task.correlationId);
    expect((await reopened.shown())[1]).toBe(total);
    await expect(page.getByTestId('task-file-no-logs')).toContainText('Logs are not in the file');
    // Nothing was asked of any datasource.
    expect(await page.evaluate(() => (window as unknown as SandboxRequests).__sandbox.requests().length)).toBe(0);

  });

  test('names the problem of a file that is not a task file', async ({ page }) => {
    await host.open(page, `${APP}/file`);
    const input = page.getByLabel('Task file', { exact: true });
    await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"a": [') });
    await expect(page.getByTestId('task-file-error')).toContainText('notes.json cannot be opened');
    await expect(page.getByTestId('task-file-error')).toContainText('The file is not JSON');
    await input.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"x": 1}') });
    await expect(page.getByTestId('task-file-error')).toContainText('Unknown format');
  });
});
