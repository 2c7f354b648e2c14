// Time to a task's flow in the sandbox at a given per-query latency, and the sequential round trips its request log
// shows. Shared by the round-trip spec and `npm run bench` (bench/round-trips.ts).
import type { Page } from 'playwright-core';
import { sequentialRounds, type RecordedRequest } from '../../sandbox/src/datasources/control';
import type { DemoTaskInfo } from '../../sandbox/src/data/model';

export const APP_PATH = '/a/tasker-observability-app';

interface Sandbox {
  ready: boolean;
  error: string;
  tasks(): DemoTaskInfo[];
  requests(target?: string): RecordedRequest[];
  clearRequests(): void;
  setLatency(ms: number): void;
  roundTrips(target?: string): number;
  navigate(path: string): void;
}

export interface FlowTiming {
  latencyMs: number;
  /** From navigation to the first painted rows. */
  firstRowsMs: number;
  /** From navigation to the complete flow (every trace in, no progress line). */
  flowMs: number;
  /** Sequential Tempo round trips in the request log, up to the complete flow. */
  rounds: number;
  /** The same, up to the first trace in hand (the first rows are painted from it; painting is not a round trip). */
  firstRowsRounds: number;
  /** Tempo requests and queries made; of them, trace lookups by id. */
  requests: number;
  queries: number;
  lookups: number;
}

/** The two task shapes the bench and the round-trip test measure: the biggest tasker-core task, a guide-shape one. */
export async function measuredTasks(page: Page): Promise<{ taskerCore: DemoTaskInfo; guide: DemoTaskInfo }> {
  // No named functions inside evaluate(): tsx would wrap them in a helper the page does not have.
  const all = await page.evaluate(() =>
    (window as unknown as { __sandbox: Sandbox }).__sandbox.tasks().filter((t) => !t.error)
  );
  const biggest = (shape: DemoTaskInfo['shape']) =>
    all.filter((t) => t.shape === shape).reduce((a, b) => (b.spanCount > a.spanCount ? b : a));
  return { taskerCore: biggest('tasker-core'), guide: all.filter((t) => t.shape === 'documented').slice(-1)[0] };
}

/** Loads the sandbox on a page without the app's pages (no cache, no request in flight). */
export async function openBlank(page: Page, base = ''): Promise<void> {
  await page.goto(`${base}/explore`);
  await page.waitForFunction(() => {
    const s = (window as unknown as { __sandbox?: Sandbox }).__sandbox;
    return !!s && (s.ready || !!s.error);
  });
  const error = await page.evaluate(() => (window as unknown as { __sandbox: Sandbox }).__sandbox.error);
  if (error) {
    throw new Error(`the sandbox failed to start: ${error}`);
  }
}

/**
 * Opens the task's flow at `latencyMs` per query and waits (frame by frame) for it to be complete. Call on a fresh
 * page (openBlank): traces already cached would make it a back/forward measurement.
 */
export async function timeToFlow(page: Page, taskId: string, latencyMs: number): Promise<FlowTiming> {
  const seen = await page.evaluate(
    async ({ path, latency }) => {
      const s = (window as unknown as { __sandbox: Sandbox }).__sandbox;
      s.setLatency(latency);
      s.clearRequests();
      const t0 = performance.now();
      s.navigate(path);
      let firstRowsAt = NaN;
      const deadline = t0 + 120_000;
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        const rows = document.querySelector('[data-testid="flow-row"]') !== null;
        if (rows && Number.isNaN(firstRowsAt)) {
          firstRowsAt = now;
        }
        if (rows && document.querySelector('[data-testid="flow-progress"]') === null) {
          // Requests answered before the complete flow: what the user waited for.
          const tempo = s.requests('tempo').filter((r) => r.endMs !== undefined && r.endMs <= now);
          return { t0, firstRowsAt, flowMs: now - t0, tempo };
        }
        const error = document.querySelector('[data-testid="flow-error"]');
        if (error || now > deadline) {
          throw new Error(error ? `the flow failed: ${error.textContent}` : 'no complete flow within 120 s');
        }
      }
    },
    { path: `${APP_PATH}/tasks/${taskId}`, latency: latencyMs }
  );
  const isLookup = (r: RecordedRequest) => /^[0-9a-f]+$/i.test(r.query.trim());
  const firstTrace = seen.tempo.filter(isLookup).sort((a, b) => a.endMs! - b.endMs!)[0];
  return {
    latencyMs,
    firstRowsMs: seen.firstRowsAt - seen.t0,
    flowMs: seen.flowMs,
    rounds: sequentialRounds(seen.tempo),
    firstRowsRounds: firstTrace ? sequentialRounds(seen.tempo.filter((r) => r.endMs! <= firstTrace.endMs!)) : NaN,
    requests: seen.tempo.length,
    queries: seen.tempo.reduce((n, r) => n + r.queries, 0),
    lookups: seen.tempo.filter(isLookup).length,
  };
}

/** Least-squares slope of a time over latency: how many latencies the user waits, i.e. round trips. */
export function slope(points: FlowTiming[], time: (p: FlowTiming) => number = (p) => p.flowMs): number {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.latencyMs, 0) / n;
  const my = points.reduce((a, p) => a + time(p), 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.latencyMs - mx) * (time(p) - my);
    den += (p.latencyMs - mx) ** 2;
  }
  return den === 0 ? NaN : num / den;
}
