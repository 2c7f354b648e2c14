/** How the stand-ins answer, switchable at run time by the top bar, `?ds=`, or `window.__sandbox`. */
export type DatasourceMode = 'normal' | 'slow' | 'fail' | 'empty';

export const DATASOURCE_MODES: readonly DatasourceMode[] = ['normal', 'slow', 'fail', 'empty'];

export interface RecordedRequest {
  /** tempo | loki | prometheus | backend */
  target: string;
  /** The query text, trace id, or URL. */
  query: string;
  atMs: number;
  /** Set when the caller unsubscribed before the answer (cancellation). */
  cancelled?: boolean;
  /** Set when the stand-in rejected the query. */
  error?: string;
  /** Queries in this request: Grafana's Tempo backend runs them one after another, each costing the latency. */
  queries: number;
  /** performance.now() when the request got a connection (it may wait for one: 6 per host). */
  startMs?: number;
  /** performance.now() when the answer was handed over (unset while in flight or when cancelled first). */
  endMs?: number;
}

/** Chromium opens at most 6 connections per host over HTTP/1.1, which is how Grafana serves by default. */
export const CONNECTIONS_PER_HOST = 6;

/**
 * Sequential round trips in a request log: the longest chain of requests where each started after the previous one
 * ended, each counting its queries (a request's queries run one after another). This is what a per-query latency
 * multiplies, whatever the wall clock did meanwhile.
 */
export function sequentialRounds(requests: readonly RecordedRequest[]): number {
  const done = requests
    .filter((r) => r.startMs !== undefined && r.endMs !== undefined)
    .sort((a, b) => a.startMs! - b.startMs!);
  const chain: number[] = [];
  let best = 0;
  for (let i = 0; i < done.length; i++) {
    let before = 0;
    for (let j = 0; j < i; j++) {
      if (done[j].endMs! <= done[i].startMs! && chain[j] > before) {
        before = chain[j];
      }
    }
    chain.push(before + Math.max(1, done[i].queries));
    best = Math.max(best, chain[i]);
  }
  return best;
}

export class SandboxControl {
  mode: DatasourceMode = 'normal';
  /** Each query takes this long (ms) in normal mode, like a fast local Tempo; a request of n queries takes n times it. */
  latencyMs = 5;
  slowMs = 3000;
  readonly requests: RecordedRequest[] = [];
  /** performance.now() when the last trace-by-id frame was handed to the app ("data in hand"). */
  lastTraceFrameAt = 0;
  private readonly listeners = new Set<() => void>();
  private busy = 0;
  private readonly waiting: Array<() => void> = [];

  setMode(mode: DatasourceMode) {
    this.mode = mode;
    this.listeners.forEach((l) => l());
  }

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  record(r: Omit<RecordedRequest, 'atMs' | 'queries'> & { queries?: number }): RecordedRequest {
    const rec = { ...r, queries: r.queries ?? 1, atMs: Date.now() };
    this.requests.push(rec);
    return rec;
  }

  /** What one query costs now. */
  delayMs(): number {
    return this.mode === 'slow' ? this.slowMs : this.latencyMs;
  }

  /**
   * Serves a recorded request as the browser and Grafana would: it waits for one of the host's connections, then
   * holds it for its queries' latency, one query after another, then `answer` runs. Returns a cancel function
   * (unsubscribing): a waiting request leaves the queue, a running one frees its connection.
   */
  serve(rec: RecordedRequest, answer: () => void): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let state: 'waiting' | 'running' | 'over' = 'waiting';
    const release = () => {
      state = 'over';
      this.busy--;
      this.waiting.shift()?.();
    };
    const start = () => {
      this.busy++;
      state = 'running';
      rec.startMs = performance.now();
      timer = setTimeout(
        () => {
          rec.endMs = performance.now();
          release();
          answer();
        },
        this.delayMs() * Math.max(1, rec.queries)
      );
    };
    if (this.busy < CONNECTIONS_PER_HOST) {
      start();
    } else {
      this.waiting.push(start);
    }
    return () => {
      if (state === 'waiting') {
        const i = this.waiting.indexOf(start);
        if (i >= 0) {
          this.waiting.splice(i, 1);
        }
        state = 'over';
      } else if (state === 'running') {
        clearTimeout(timer);
        release();
      }
    };
  }

  /** The error object Grafana's backend_srv produces for an HTTP 500 from the datasource proxy. */
  failure(target: string) {
    return {
      status: 500,
      statusText: 'Internal Server Error',
      data: { message: `${target} is unavailable (sandbox datasource mode "fail")` },
    };
  }
}
