// Small helpers the two shape emitters share: build spans and log records into a task. Browser-safe.
import type { Attributes, LogLevel, SimLogRecord, SimSpan, SimSpanEvent } from './model';
import { otelId, type Rng } from './random';

export interface SpanInput {
  traceId: string;
  parent?: SimSpan;
  name: string;
  service: string;
  startMs: number;
  endMs: number;
  attributes?: Attributes;
  events?: SimSpanEvent[];
  error?: string;
  /** The documented model sets OK on success; tasker-core never does. */
  okOnSuccess?: boolean;
}

export class TelemetrySink {
  readonly spans: SimSpan[] = [];
  readonly logs: SimLogRecord[] = [];

  constructor(private readonly rng: Rng) {}

  newTraceId(): string {
    return otelId(this.rng, 32);
  }

  span(input: SpanInput): SimSpan {
    const span: SimSpan = {
      traceId: input.traceId,
      spanId: otelId(this.rng, 16),
      parentSpanId: input.parent?.spanId,
      name: input.name,
      service: input.service,
      startMs: input.startMs,
      durationMs: Math.max(0, input.endMs - input.startMs),
      kind: 'internal',
      attributes: { ...(input.attributes ?? {}) },
      events: input.events ?? [],
      status: input.error ? { code: 'error', message: input.error } : { code: input.okOnSuccess ? 'ok' : 'unset' },
    };
    this.spans.push(span);
    return span;
  }

  log(timeMs: number, service: string, level: LogLevel, body: string, attributes: Attributes, span?: SimSpan): void {
    this.logs.push({ timeMs, service, level, body, attributes, traceId: span?.traceId, spanId: span?.spanId });
  }
}

export function isoTime(ms: number): string {
  return new Date(Math.floor(ms)).toISOString();
}
