import type { AttrValue, DemoTaskInfo, StoredLog, StoredSpan } from './model';
import type { Random } from './random';

/** 2026-11-26T00:00:00Z: the clock UUID v7 ids are minted on. */
export const ID_EPOCH_MS = Date.UTC(2026, 10, 26);

/** Builds spans and logs by hand, for the tasks the workload generator does not make (hostile data). */
export class DemoBuilder {
  readonly spans: StoredSpan[] = [];
  readonly logs: StoredLog[] = [];
  readonly tasks: DemoTaskInfo[] = [];

  /**
   * Ids must not change between page loads (a shared URL holds them) while span times follow the clock, so
   * UUID v7 timestamps come from a fixed epoch plus the offset of the span from "now".
   */
  constructor(
    readonly rnd: Random,
    private readonly nowMs = ID_EPOCH_MS
  ) {}

  uuid7(timeMs: number): string {
    return this.rnd.uuid7(ID_EPOCH_MS + (timeMs - this.nowMs));
  }

  span(p: {
    traceId: string;
    parent?: StoredSpan;
    name: string;
    service: string;
    startMs: number;
    durationMs: number;
    attrs?: Record<string, AttrValue>;
    error?: string;
  }): StoredSpan {
    const s: StoredSpan = {
      traceId: p.traceId,
      spanId: this.rnd.hex(16),
      parentSpanId: p.parent ? p.parent.spanId : '',
      name: p.name,
      kind: 'internal',
      statusCode: p.error ? 2 : 0,
      statusMessage: p.error ?? '',
      startMs: p.startMs,
      durationMs: p.durationMs,
      attrs: {
        'code.module.name': p.service.replace(/-/g, '_') + '::' + p.name.split('.')[0],
        'thread.name': 'tokio-runtime-worker',
        busy_ns: Math.round(p.durationMs * 1e6 * 0.6),
        ...p.attrs,
      },
      resource: { 'service.name': p.service, 'service.version': '0.1.0', 'deployment.environment': 'development' },
      events: [],
      scopeName: 'tasker-core',
    };
    this.spans.push(s);
    return s;
  }

  /** One log line in tracing-subscriber's default format, shipped as OTLP (ids in structured metadata). */
  log(
    s: StoredSpan,
    level: 'INFO' | 'WARN' | 'ERROR' | 'DEBUG',
    message: string,
    ids: Record<string, string>,
    timeMs?: number
  ) {
    const t = timeMs ?? s.startMs + s.durationMs / 2;
    const fields = Object.entries(ids)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    const line = `${new Date(t).toISOString()}  ${level.padStart(5)} ThreadId(07) ${s.name}{ ${fields} }: ${String(s.attrs['code.module.name'])}: ${message}`;
    this.logs.push({
      timeMs: t,
      line,
      stream: { service_name: String(s.resource['service.name']), deployment_environment: 'development' },
      metadata: {
        ...ids,
        trace_id: s.traceId,
        span_id: s.spanId,
        detected_level: level.toLowerCase(),
        severity_text: level,
      },
    });
  }
}
