// Shared helpers for the sandbox specs: open a page once the host has loaded the plugin, read window.__sandbox.
import { expect, type Page } from '@playwright/test';
import type { DemoTaskInfo as SandboxTask } from '../../sandbox/src/data/model';
import type { RecordedRequest } from '../../sandbox/src/datasources/control';

export const APP = '/a/tasker-observability-app';

// The host's own types (type-only imports: nothing of the sandbox runs in the test process).
export type { DemoTaskInfo as SandboxTask } from '../../sandbox/src/data/model';
export type { RecordedRequest } from '../../sandbox/src/datasources/control';

interface SandboxWindow {
  __sandbox: {
    ready: boolean;
    error: string;
    tasks(): SandboxTask[];
    requests(target?: string): RecordedRequest[];
    clearRequests(): void;
    setMode(mode: string): void;
    mode: string;
    hostile: { correlationId: string; taskUuid: string; strings: Record<string, string> };
    loadLargeTask(n: number): SandboxTask;
    lastTraceFrameAt(): number;
    setLatency(ms: number): void;
  };
}

/** Goes to `path` and waits until the host has loaded module.js (or failed: then the test fails with the reason). */
export async function openSandbox(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForFunction(() => {
    const s = (window as unknown as Partial<SandboxWindow>).__sandbox;
    return !!s && (s.ready || !!s.error);
  });
  const error = await page.evaluate(() => (window as unknown as SandboxWindow).__sandbox.error);
  expect(error, 'the sandbox host failed to start the app').toBe('');
}

export function tasks(page: Page): Promise<SandboxTask[]> {
  return page.evaluate(() => (window as unknown as SandboxWindow).__sandbox.tasks());
}

export async function taskOfShape(page: Page, shape: SandboxTask['shape'], index = 0): Promise<SandboxTask> {
  const all = (await tasks(page)).filter((t) => t.shape === shape && !t.error);
  expect(all.length, `demo data has no ${shape} task`).toBeGreaterThan(index);
  return all[all.length - 1 - index];
}

export function requests(page: Page, target?: string): Promise<RecordedRequest[]> {
  return page.evaluate((t) => (window as unknown as SandboxWindow).__sandbox.requests(t), target);
}

export function clearRequests(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as SandboxWindow).__sandbox.clearRequests());
}

export function setMode(page: Page, mode: 'normal' | 'slow' | 'fail' | 'empty'): Promise<void> {
  return page.evaluate((m) => (window as unknown as SandboxWindow).__sandbox.setMode(m), mode);
}

export function hostile(page: Page): Promise<SandboxWindow['__sandbox']['hostile']> {
  return page.evaluate(() => (window as unknown as SandboxWindow).__sandbox.hostile);
}

export function loadLargeTask(page: Page, spanCount: number): Promise<SandboxTask> {
  return page.evaluate((n) => (window as unknown as SandboxWindow).__sandbox.loadLargeTask(n), spanCount);
}

/** Fails the test on any uncaught page error or alert/confirm dialog (a script ran that should not). */
export function guardPage(page: Page): { errors: string[]; dialogs: string[] } {
  const seen = { errors: [] as string[], dialogs: [] as string[] };
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('dialog', (d) => {
    seen.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return seen;
}
