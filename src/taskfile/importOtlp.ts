import type { KeyValue } from '../flow/types';
import { fromOtlpAttributes } from './attributes';
import { normalizeId } from './ids';
import { nanosToMs } from './nanos';
import type { SpanRecord } from './types';

type Json = Record<string, unknown>;

const KIND_NAMES = ['', 'internal', 'server', 'client', 'producer', 'consumer'];

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The `resourceSpans` list of an OTLP document in any of the shapes in use, or undefined when it is none of them. */
export function otlpResourceSpans(doc: unknown): unknown[] | undefined {
  if (!isObject(doc)) {
    return undefined;
  }
  // OTLP/JSON and the collector's file formats: resourceSpans. Tempo's /api/traces and Grafana's trace export:
  // batches. Tempo's /api/v2/traces: {trace: {resourceSpans}}.
  for (const key of ['resourceSpans', 'batches']) {
    if (Array.isArray(doc[key])) {
      return doc[key];
    }
  }
  if (isObject(doc.trace)) {
    return otlpResourceSpans(doc.trace) ?? [];
  }
  return undefined;
}

function spanKind(kind: unknown): string {
  if (typeof kind === 'number') {
    return KIND_NAMES[kind] ?? '';
  }
  if (typeof kind === 'string') {
    // protobuf's JSON mapping writes enum names (SPAN_KIND_SERVER); the OTLP encoding numbers.
    const name = kind.toLowerCase().replace(/^span_kind_/, '');
    return name === 'unspecified' ? '' : name;
  }
  return '';
}

function statusCode(code: unknown): 0 | 1 | 2 {
  if (code === 1 || code === 'STATUS_CODE_OK' || code === 'OK') {
    return 1;
  }
  if (code === 2 || code === 'STATUS_CODE_ERROR' || code === 'ERROR') {
    return 2;
  }
  return 0;
}

function serviceNameOf(resource: KeyValue[]): string {
  const name = resource.find((kv) => kv.key === 'service.name')?.value;
  return typeof name === 'string' && name !== '' ? name : 'unknown_service';
}

/**
 * The spans of one OTLP document. Spans without a usable trace id, span id or start time are counted in
 * `skipped`, not guessed.
 */
export function readOtlp(doc: unknown, out: SpanRecord[]): { skipped: number } {
  let skipped = 0;
  for (const rs of otlpResourceSpans(doc) ?? []) {
    if (!isObject(rs)) {
      continue;
    }
    const resource = fromOtlpAttributes(isObject(rs.resource) ? rs.resource.attributes : undefined);
    const serviceName = serviceNameOf(resource);
    const scopes = Array.isArray(rs.scopeSpans)
      ? rs.scopeSpans
      : Array.isArray(rs.instrumentationLibrarySpans)
        ? rs.instrumentationLibrarySpans
        : [];
    for (const scope of scopes) {
      if (!isObject(scope) || !Array.isArray(scope.spans)) {
        continue;
      }
      for (const span of scope.spans) {
        const record = isObject(span) ? readSpan(span, serviceName, resource) : undefined;
        if (record) {
          out.push(record);
        } else {
          skipped++;
        }
      }
    }
  }
  return { skipped };
}

function readSpan(span: Json, serviceName: string, resource: KeyValue[]): SpanRecord | undefined {
  const traceId = normalizeId(span.traceId, 32);
  const spanId = normalizeId(span.spanId, 16);
  const startMs = nanosToMs(span.startTimeUnixNano);
  if (!traceId || !spanId || startMs === undefined) {
    return undefined;
  }
  const endMs = nanosToMs(span.endTimeUnixNano) ?? startMs;
  const status = isObject(span.status) ? span.status : {};
  const events: SpanRecord['events'] = [];
  if (Array.isArray(span.events)) {
    for (const e of span.events) {
      if (isObject(e)) {
        events.push({
          timeMs: nanosToMs(e.timeUnixNano) ?? startMs,
          name: typeof e.name === 'string' ? e.name : '',
          fields: fromOtlpAttributes(e.attributes),
        });
      }
    }
  }
  return {
    traceId,
    spanId,
    parentSpanId: normalizeId(span.parentSpanId, 16) ?? '',
    name: typeof span.name === 'string' ? span.name : '',
    serviceName,
    resource,
    attributes: fromOtlpAttributes(span.attributes),
    startMs,
    // Rounded to the microsecond, as the times are.
    durationMs: Math.round((endMs - startMs) * 1000) / 1000,
    kind: spanKind(span.kind),
    statusCode: statusCode(status.code),
    statusMessage: typeof status.message === 'string' ? status.message : '',
    events,
  };
}
