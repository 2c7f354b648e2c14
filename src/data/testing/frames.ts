// Frames shaped like Grafana's Tempo and Loki datasources return them, for tests.
import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';

export interface FixtureSpan {
  traceId: string;
  spanId: string;
  name: string;
  startMs: number;
  durationMs: number;
  service?: string;
  /** Span attributes by bare key, e.g. { correlation_id: '...' }. */
  attrs?: Record<string, string>;
  status?: 'error' | 'ok' | 'unset';
  parentSpanId?: string;
}

/** A `Traces` search frame: one row per trace, spansets in `nested` with one column per selected attribute. */
export function tracesSearchFrame(spans: FixtureSpan[]): DataFrame {
  const byTrace = new Map<string, FixtureSpan[]>();
  for (const s of spans) {
    byTrace.set(s.traceId, [...(byTrace.get(s.traceId) ?? []), s]);
  }
  const ids: string[] = [];
  const starts: number[] = [];
  const durations: number[] = [];
  const services: string[] = [];
  const nested: DataFrame[][] = [];
  for (const [traceId, list] of byTrace) {
    const start = Math.min(...list.map((s) => s.startMs));
    const end = Math.max(...list.map((s) => s.startMs + s.durationMs));
    ids.push(traceId);
    starts.push(start);
    durations.push(end - start);
    services.push(list[0].service ?? 'tasker-orchestration');
    const keys = [...new Set(list.flatMap((s) => Object.keys(s.attrs ?? {})))].sort();
    nested.push([
      createDataFrame({
        fields: [
          { name: 'traceIdHidden', type: FieldType.string, values: list.map(() => traceId) },
          { name: 'spanID', type: FieldType.string, values: list.map((s) => s.spanId) },
          { name: 'time', type: FieldType.time, values: list.map((s) => s.startMs) },
          { name: 'name', type: FieldType.string, values: list.map((s) => s.name) },
          ...keys.map((k) => ({ name: k, type: FieldType.string, values: list.map((s) => s.attrs?.[k]) })),
          {
            name: 'service.name',
            type: FieldType.string,
            values: list.map((s) => s.service ?? 'tasker-orchestration'),
          },
          { name: 'status', type: FieldType.string, values: list.map((s) => s.status ?? 'unset') },
          { name: 'duration', type: FieldType.number, values: list.map((s) => s.durationMs * 1e6) },
        ],
      }),
    ]);
  }
  return createDataFrame({
    name: 'Traces',
    fields: [
      { name: 'traceID', type: FieldType.string, values: ids },
      { name: 'startTime', type: FieldType.time, values: starts },
      { name: 'traceService', type: FieldType.string, values: services },
      { name: 'traceName', type: FieldType.string, values: ids.map(() => 'root') },
      { name: 'traceDuration', type: FieldType.number, values: durations },
      { name: 'nested', type: FieldType.nestedFrames, values: nested },
    ],
    meta: { preferredVisualisationType: 'table' },
  });
}

/** A trace-by-id frame (fields as TraceSpanRow). */
export function traceFrame(spans: FixtureSpan[]): DataFrame {
  return createDataFrame({
    name: 'Trace',
    meta: { preferredVisualisationType: 'trace' },
    fields: [
      { name: 'traceID', type: FieldType.string, values: spans.map((s) => s.traceId) },
      { name: 'spanID', type: FieldType.string, values: spans.map((s) => s.spanId) },
      { name: 'parentSpanID', type: FieldType.string, values: spans.map((s) => s.parentSpanId ?? '') },
      { name: 'operationName', type: FieldType.string, values: spans.map((s) => s.name) },
      { name: 'serviceName', type: FieldType.string, values: spans.map((s) => s.service ?? 'tasker-orchestration') },
      {
        name: 'serviceTags',
        type: FieldType.other,
        values: spans.map((s) => [{ key: 'service.name', value: s.service ?? 'tasker-orchestration' }]),
      },
      { name: 'startTime', type: FieldType.number, values: spans.map((s) => s.startMs) },
      { name: 'duration', type: FieldType.number, values: spans.map((s) => s.durationMs) },
      { name: 'logs', type: FieldType.other, values: spans.map(() => []) },
      {
        name: 'tags',
        type: FieldType.other,
        values: spans.map((s) => Object.entries(s.attrs ?? {}).map(([key, value]) => ({ key, value }))),
      },
      { name: 'kind', type: FieldType.string, values: spans.map(() => 'internal') },
      {
        name: 'statusCode',
        type: FieldType.number,
        values: spans.map((s) => (s.status === 'error' ? 2 : s.status === 'ok' ? 1 : 0)),
      },
    ],
  });
}

export interface FixtureLog {
  timeMs: number;
  line: string;
  labels?: Record<string, string>;
}

/** A Loki dataplane log frame. */
export function lokiFrame(logs: FixtureLog[]): DataFrame {
  return createDataFrame({
    refId: 'A',
    meta: { type: 'log-lines' as never, preferredVisualisationType: 'logs' },
    fields: [
      { name: 'labels', type: FieldType.other, values: logs.map((l) => l.labels ?? {}) },
      { name: 'Time', type: FieldType.time, values: logs.map((l) => l.timeMs) },
      { name: 'Line', type: FieldType.string, values: logs.map((l) => l.line) },
      { name: 'tsNs', type: FieldType.string, values: logs.map((l) => `${l.timeMs}000000`) },
      { name: 'id', type: FieldType.string, values: logs.map((l, i) => `log-${i}-${l.timeMs}`) },
    ],
  });
}
