import type { FlowSpan, TaskFlow } from '../flow/types';
import { toOtlpAttributes } from './attributes';
import { exportId } from './ids';
import { msToNanos } from './nanos';
import type { OtlpResourceSpans, OtlpSpan, OtlpTracesData } from './types';

// OTLP SpanKind numbers; Grafana's trace frames hold the lowercased suffix of the enum name.
const SPAN_KIND: Record<string, number> = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };

function toOtlpSpan(span: FlowSpan): OtlpSpan {
  const out: OtlpSpan = {
    traceId: exportId(span.traceId, 32),
    spanId: exportId(span.spanId, 16),
    name: span.name,
    kind: SPAN_KIND[(span.kind ?? '').toLowerCase().replace(/^span_kind_/, '')] ?? 0,
    startTimeUnixNano: msToNanos(span.startMs),
    endTimeUnixNano: msToNanos(span.startMs + span.durationMs),
    attributes: toOtlpAttributes(span.attributes),
    status: span.statusMessage ? { code: span.statusCode, message: span.statusMessage } : { code: span.statusCode },
  };
  if (span.parentSpanId) {
    out.parentSpanId = exportId(span.parentSpanId, 16);
  }
  if (span.events.length > 0) {
    out.events = span.events.map((e) => ({
      timeUnixNano: msToNanos(e.timeMs),
      name: e.name ?? '',
      attributes: toOtlpAttributes(e.fields),
    }));
  }
  return out;
}

/**
 * Every real span of a task (all its traces; the flow's synthetic step nodes are left out) as OTLP/JSON: one
 * `resourceSpans` entry per distinct resource, spans in the flow's pre-order. Loads in an OpenTelemetry collector's
 * `otlpjsonfile` receiver, in Tempo or any OTLP/HTTP endpoint (`POST /v1/traces`, `application/json`), and on this
 * app's file page.
 */
export function taskToOtlp(flow: TaskFlow): OtlpTracesData {
  const byResource = new Map<string, OtlpResourceSpans>();
  for (let p = 0; p < flow.preorder.length; p++) {
    const span = flow.span(flow.idAt(flow.preorder[p]));
    if (!span || span.synthetic) {
      continue;
    }
    const resource = span.resource.length > 0 ? span.resource : [{ key: 'service.name', value: span.serviceName }];
    const key = JSON.stringify(resource);
    let entry = byResource.get(key);
    if (!entry) {
      entry = { resource: { attributes: toOtlpAttributes(resource) }, scopeSpans: [{ spans: [] }] };
      byResource.set(key, entry);
    }
    entry.scopeSpans[0].spans.push(toOtlpSpan(span));
  }
  return { resourceSpans: [...byResource.values()] };
}

/** The file's text: compact JSON (a 100k-span task stays a file size people can share). */
export function taskFileText(flow: TaskFlow): string {
  return JSON.stringify(taskToOtlp(flow));
}

/** `tasker-task-<correlation_id or task_uuid>.json`, with anything unsafe in a file name replaced. */
export function taskFileName(flow: TaskFlow, fallbackId: string): string {
  const id = flow.correlationId ?? flow.taskUuid ?? fallbackId;
  const safe = id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 100) || 'task';
  return `tasker-task-${safe}.json`;
}
