// Sends the simulated model over OTLP/HTTP (JSON) with OpenTelemetry's JS exporters. Spans and log records are built
// as the SDK's ReadableSpan / ReadableLogRecord with the model's own ids and timestamps, so what Tempo and Loki
// receive is exactly what simulate() produced. Node only.
import { SpanKind, SpanStatusCode, TraceFlags, type HrTime } from '@opentelemetry/api';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import type { ReadableLogRecord } from '@opentelemetry/sdk-logs';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import type { LogLevel, SimLogRecord, SimSpan } from './model';
import { INSTRUMENTATION_SCOPE, resourceAttributes, resourceSettingsFromEnv, type ResourceSettings } from './resource';

export interface ExportSettings extends ResourceSettings {
  /** OTEL_EXPORTER_OTLP_ENDPOINT: base URL of an OTLP/HTTP receiver; /v1/traces and /v1/logs are appended. */
  endpoint: string;
  /** OTEL_TRACES_SAMPLER_ARG: share of traces kept, 0..1 (ratio by trace id, not parent-based, as tasker-core). */
  samplerRatio: number;
  timeoutMillis?: number;
}

export function exportSettingsFromEnv(env: Record<string, string | undefined>): ExportSettings {
  const raw = env.OTEL_TRACES_SAMPLER_ARG;
  const ratio = raw === undefined || raw === '' ? 1 : Number(raw);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw new Error(`OTEL_TRACES_SAMPLER_ARG must be a number between 0 and 1, got "${raw}"`);
  }
  const endpoint = (env.OTEL_EXPORTER_OTLP_ENDPOINT || 'http://localhost:4318').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(endpoint)) {
    throw new Error(`OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL of an OTLP/HTTP receiver, got "${endpoint}"`);
  }
  const timeout = env.OTEL_EXPORTER_OTLP_TIMEOUT ? Number(env.OTEL_EXPORTER_OTLP_TIMEOUT) : 10000;
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new Error(
      `OTEL_EXPORTER_OTLP_TIMEOUT must be a positive number of milliseconds, got "${env.OTEL_EXPORTER_OTLP_TIMEOUT}"`
    );
  }
  return { ...resourceSettingsFromEnv(env), endpoint, samplerRatio: ratio, timeoutMillis: timeout };
}

/** Deterministic ratio sampling on the low 8 hex digits of the trace id (like TraceIdRatioBased). */
export function isSampled(traceId: string, ratio: number): boolean {
  if (ratio >= 1) {
    return true;
  }
  if (ratio <= 0) {
    return false;
  }
  return parseInt(traceId.slice(-8), 16) / 0x100000000 < ratio;
}

export function msToHrTime(ms: number): HrTime {
  let seconds = Math.floor(ms / 1000);
  let nanos = Math.round((ms - seconds * 1000) * 1e6);
  if (nanos >= 1e9) {
    seconds += 1;
    nanos -= 1e9;
  }
  return [seconds, nanos];
}

const STATUS = { unset: SpanStatusCode.UNSET, ok: SpanStatusCode.OK, error: SpanStatusCode.ERROR } as const;
// The model's span kinds: tasker-core's spans are all INTERNAL (tracing → OpenTelemetry bridge), so is the guide's shape.
const KIND: Record<SimSpan['kind'], SpanKind> = { internal: SpanKind.INTERNAL };
const SEVERITY: Record<LogLevel, number> = { TRACE: 1, DEBUG: 5, INFO: 9, WARN: 13, ERROR: 17 };

class ResourceCache {
  private readonly cache = new Map<string, Resource>();
  constructor(private readonly settings: ResourceSettings) {}
  get(service: string): Resource {
    let r = this.cache.get(service);
    if (!r) {
      r = resourceFromAttributes(resourceAttributes(service, this.settings));
      this.cache.set(service, r);
    }
    return r;
  }
}

export function toReadableSpan(span: SimSpan, resource: Resource): ReadableSpan {
  const endMs = span.startMs + span.durationMs;
  return {
    name: span.name,
    kind: KIND[span.kind],
    spanContext: () => ({ traceId: span.traceId, spanId: span.spanId, traceFlags: TraceFlags.SAMPLED }),
    parentSpanContext: span.parentSpanId
      ? { traceId: span.traceId, spanId: span.parentSpanId, traceFlags: TraceFlags.SAMPLED }
      : undefined,
    startTime: msToHrTime(span.startMs),
    endTime: msToHrTime(endMs),
    duration: msToHrTime(span.durationMs),
    status: { code: STATUS[span.status.code], message: span.status.message },
    attributes: { ...span.attributes },
    links: [],
    events: span.events.map((e) => ({ time: msToHrTime(e.timeMs), name: e.name, attributes: { ...e.attributes } })),
    ended: true,
    resource,
    instrumentationScope: { ...INSTRUMENTATION_SCOPE },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}

export function toReadableLog(record: SimLogRecord, resource: Resource): ReadableLogRecord {
  return {
    hrTime: msToHrTime(record.timeMs),
    hrTimeObserved: msToHrTime(record.timeMs),
    spanContext:
      record.traceId && record.spanId
        ? { traceId: record.traceId, spanId: record.spanId, traceFlags: TraceFlags.SAMPLED }
        : undefined,
    severityText: record.level,
    severityNumber: SEVERITY[record.level] as ReadableLogRecord['severityNumber'],
    body: record.body,
    resource,
    instrumentationScope: { ...INSTRUMENTATION_SCOPE },
    attributes: { ...record.attributes },
    droppedAttributesCount: 0,
  };
}

interface Exporter<T> {
  export(items: T[], done: (result: ExportResult) => void): void;
  shutdown(): Promise<void>;
}

function send<T>(exporter: Exporter<T>, items: T[], what: string): Promise<void> {
  if (items.length === 0) {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    exporter.export(items, (result) => {
      if (result.code === ExportResultCode.SUCCESS) {
        resolve();
      } else {
        reject(new Error(`OTLP export of ${items.length} ${what} failed: ${result.error?.message ?? 'unknown error'}`));
      }
    });
  });
}

/** One OTLP/HTTP trace exporter and one log exporter; spans are sampled per trace, logs never (as in Tasker). */
export class OtlpSender {
  private readonly traces: OTLPTraceExporter;
  private readonly logs: OTLPLogExporter;
  private readonly resources: ResourceCache;

  constructor(private readonly settings: ExportSettings) {
    const timeoutMillis = settings.timeoutMillis ?? 10000;
    this.traces = new OTLPTraceExporter({ url: `${settings.endpoint}/v1/traces`, timeoutMillis });
    this.logs = new OTLPLogExporter({ url: `${settings.endpoint}/v1/logs`, timeoutMillis });
    this.resources = new ResourceCache(settings);
  }

  /** Returns how many spans were sent after sampling. */
  async sendSpans(spans: SimSpan[]): Promise<number> {
    const kept = spans.filter((s) => isSampled(s.traceId, this.settings.samplerRatio));
    await send(
      this.traces,
      kept.map((s) => toReadableSpan(s, this.resources.get(s.service))),
      'spans'
    );
    return kept.length;
  }

  async sendLogs(records: SimLogRecord[]): Promise<number> {
    await send(
      this.logs,
      records.map((r) => toReadableLog(r, this.resources.get(r.service))),
      'log records'
    );
    return records.length;
  }

  async shutdown(): Promise<void> {
    await Promise.all([this.traces.shutdown(), this.logs.shutdown()]);
  }
}
