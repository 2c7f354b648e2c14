import type { DataFrame, FieldType } from '@grafana/data';
import type { SpanRecord } from './types';

// Trace frames shaped like Tempo's trace-by-id answer (fields as TraceSpanRow), built without @grafana/data at run
// time so the flow model, the file page and perf-check read file spans exactly as they read Tempo's.

const FIELDS: Array<[string, string, (s: SpanRecord) => unknown]> = [
  ['traceID', 'string', (s) => s.traceId],
  ['spanID', 'string', (s) => s.spanId],
  ['parentSpanID', 'string', (s) => s.parentSpanId],
  ['operationName', 'string', (s) => s.name],
  ['serviceName', 'string', (s) => s.serviceName],
  ['serviceTags', 'other', (s) => s.resource],
  ['startTime', 'number', (s) => s.startMs],
  ['duration', 'number', (s) => s.durationMs],
  ['logs', 'other', (s) => s.events.map((e) => ({ timestamp: e.timeMs, name: e.name, fields: e.fields }))],
  ['tags', 'other', (s) => s.attributes],
  ['kind', 'string', (s) => s.kind],
  ['statusCode', 'number', (s) => s.statusCode],
  ['statusMessage', 'string', (s) => s.statusMessage],
];

/** One frame per trace, traces in order of first appearance. */
export function spansToFrames(spans: readonly SpanRecord[]): DataFrame[] {
  const byTrace = new Map<string, SpanRecord[]>();
  for (const s of spans) {
    let list = byTrace.get(s.traceId);
    if (!list) {
      list = [];
      byTrace.set(s.traceId, list);
    }
    list.push(s);
  }
  return [...byTrace.values()].map((list) => ({
    name: 'Trace',
    refId: 'A',
    meta: { preferredVisualisationType: 'trace' },
    length: list.length,
    fields: FIELDS.map(([name, type, read]) => ({
      name,
      type: type as FieldType,
      config: {},
      values: list.map(read),
    })),
  }));
}
