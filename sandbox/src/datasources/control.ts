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
}

export class SandboxControl {
  mode: DatasourceMode = 'normal';
  /** Normal answers take this long (ms), like a fast local Tempo. */
  latencyMs = 5;
  slowMs = 3000;
  readonly requests: RecordedRequest[] = [];
  /** performance.now() when the last trace-by-id frame was handed to the app ("data in hand"). */
  lastTraceFrameAt = 0;
  private readonly listeners = new Set<() => void>();

  setMode(mode: DatasourceMode) {
    this.mode = mode;
    this.listeners.forEach((l) => l());
  }

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  record(r: Omit<RecordedRequest, 'atMs'>): RecordedRequest {
    const rec = { ...r, atMs: Date.now() };
    this.requests.push(rec);
    return rec;
  }

  delayMs(): number {
    return this.mode === 'slow' ? this.slowMs : this.latencyMs;
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
