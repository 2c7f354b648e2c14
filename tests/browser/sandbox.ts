// Shared helpers for the sandbox specs: open a page once the host has loaded the plugin, read window.__sandbox, and
// the sandbox as an AppHost for the journeys shared with the real-Grafana e2e (tests/pages/).
import { expect, type Page } from '@playwright/test';
import type { DemoTaskInfo as SandboxTask } from '../../sandbox/src/data/model';
import type { RecordedRequest } from '../../sandbox/src/datasources/control';
import type { AppHost, KnownTask } from '../pages/host';
import { SANDBOX_ORIGIN } from './fixtures';

export { APP, CONFIG } from '../pages/host';

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
    navigate(path: string): void;
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

/** Client-side navigation inside a loaded sandbox (no reload: the host, its data and the plugin stay loaded). */
export function navigate(page: Page, path: string): Promise<void> {
  return page.evaluate((p) => (window as unknown as SandboxWindow).__sandbox.navigate(p), path);
}

export function tasks(page: Page): Promise<SandboxTask[]> {
  return page.evaluate(() => (window as unknown as SandboxWindow).__sandbox.tasks());
}

let demoTaskList: Promise<SandboxTask[]> | undefined;

/**
 * The demo's tasks as the sandbox server generated them (the same ids every run), read once per worker: a test can
 * pick its task before opening any page, and open the page it needs straight away.
 */
export function demoTasks(): Promise<SandboxTask[]> {
  demoTaskList ??= fetch(`${SANDBOX_ORIGIN}/sandbox/demo-tasks.json`).then((r) => {
    if (!r.ok) {
      throw new Error(`the sandbox server answered /sandbox/demo-tasks.json with HTTP ${r.status}`);
    }
    return r.json() as Promise<SandboxTask[]>;
  });
  return demoTaskList;
}

/** The index-th newest finished task of a shape (no page needed: see demoTasks). */
export async function demoTask(shape: SandboxTask['shape'], index = 0): Promise<SandboxTask> {
  const ofShape = (await demoTasks()).filter((t) => t.shape === shape);
  // A task that ran to the end, unless the shape has none (the hostile task fails on purpose).
  const finished = ofShape.filter((t) => !t.error);
  const all = finished.length > 0 ? finished : ofShape;
  expect(all.length, `demo data has no ${shape} task`).toBeGreaterThan(index);
  return all[all.length - 1 - index];
}

/** As demoTask; `page` is not needed any more and is kept for the specs that pass it. */
export function taskOfShape(_page: Page, shape: SandboxTask['shape'], index = 0): Promise<SandboxTask> {
  return demoTask(shape, index);
}

/** The sandbox as the journeys see it: pages load the host, the task is the newest documented demo task. */
export const sandboxHost: AppHost = {
  name: 'sandbox',
  open: openSandbox,
  task: async (): Promise<KnownTask> => demoTask('documented'),
};

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
