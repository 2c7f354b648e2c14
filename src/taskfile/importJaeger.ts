import type { KeyValue } from '../flow/types';
import { normalizeId } from './ids';
import type { SpanRecord } from './types';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The traces of a Jaeger JSON document (`{data: [{traceID, spans, processes}]}`, as Jaeger's API and UI write it). */
export function jaegerTraces(doc: unknown): Json[] | undefined {
  if (isObject(doc) && Array.isArray(doc.data) && doc.data.some((t) => isObject(t) && Array.isArray(t.spans))) {
    return doc.data.filter(isObject);
  }
  return undefined;
}

function tags(list: unknown): KeyValue[] {
  if (!Array.isArray(list)) {
    return [];
  }
  return list
    .filter((t): t is Json => isObject(t) && typeof t.key === 'string')
    .map((t) => ({ key: t.key as string, value: t.value }));
}

/** Jaeger keeps OTel's kind and status as tags (span.kind, otel.status_code, error). */
function take(list: KeyValue[], key: string): unknown {
  const i = list.findIndex((kv) => kv.key === key);
  return i === -1 ? undefined : list.splice(i, 1)[0].value;
}

/** The spans of a Jaeger document; times there are microseconds. Spans without ids or start are skipped. */
export function readJaeger(traces: Json[], out: SpanRecord[]): { skipped: number } {
  let skipped = 0;
  for (const trace of traces) {
    const processes = isObject(trace.processes) ? trace.processes : {};
    for (const span of Array.isArray(trace.spans) ? trace.spans : []) {
      if (!isObject(span)) {
        skipped++;
        continue;
      }
      const traceId = normalizeId(span.traceID ?? trace.traceID, 32);
      const spanId = normalizeId(span.spanID, 16);
      const start = typeof span.startTime === 'number' ? span.startTime : Number(span.startTime);
      if (!traceId || !spanId || !Number.isFinite(start)) {
        skipped++;
        continue;
      }
      const process = isObject(span.process)
        ? span.process
        : typeof span.processID === 'string' && isObject(processes[span.processID])
          ? (processes[span.processID] as Json)
          : {};
      const serviceName = typeof process.serviceName === 'string' ? process.serviceName : 'unknown_service';
      const resource = tags(process.tags);
      if (!resource.some((kv) => kv.key === 'service.name')) {
        resource.unshift({ key: 'service.name', value: serviceName });
      }
      const attributes = tags(span.tags);
      const kind = take(attributes, 'span.kind');
      const otelStatus = take(attributes, 'otel.status_code');
      const statusMessage = take(attributes, 'otel.status_description');
      const error = attributes.some((kv) => kv.key === 'error' && (kv.value === true || kv.value === 'true'));
      const parentRef = Array.isArray(span.references)
        ? span.references.find((r) => isObject(r) && r.refType === 'CHILD_OF')
        : undefined;
      const parentSpanId =
        (isObject(parentRef) ? normalizeId(parentRef.spanID, 16) : undefined) ??
        normalizeId(span.parentSpanID, 16) ??
        '';
      const duration = typeof span.duration === 'number' ? span.duration : Number(span.duration);
      out.push({
        traceId,
        spanId,
        parentSpanId,
        name: typeof span.operationName === 'string' ? span.operationName : '',
        serviceName,
        resource,
        attributes,
        startMs: start / 1000,
        durationMs: Number.isFinite(duration) ? duration / 1000 : 0,
        kind: typeof kind === 'string' ? kind.toLowerCase() : '',
        statusCode: otelStatus === 'ERROR' || error ? 2 : otelStatus === 'OK' ? 1 : 0,
        statusMessage: typeof statusMessage === 'string' ? statusMessage : '',
        events: (Array.isArray(span.logs) ? span.logs : []).filter(isObject).map((log) => {
          const fields = tags(log.fields);
          const name = take(fields, 'event');
          return {
            timeMs: (typeof log.timestamp === 'number' ? log.timestamp : start) / 1000,
            name: typeof name === 'string' ? name : '',
            fields,
          };
        }),
      });
    }
  }
  return { skipped };
}
