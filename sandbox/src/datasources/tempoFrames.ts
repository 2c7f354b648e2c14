import { createDataFrame, FieldType, type DataFrame, type Field } from '@grafana/data';
import type { StoredSpan } from '../data/model';
import { fieldColumnName, readField, type FieldRef } from './traceql';

const KIND_CODE: Record<string, string> = {
  internal: 'internal',
  server: 'server',
  client: 'client',
  producer: 'producer',
  consumer: 'consumer',
};

function kv(record: Record<string, unknown>) {
  return Object.entries(record).map(([key, value]) => ({ key, value }));
}

/**
 * Trace-by-id answer in Tempo's Grafana shape (TraceSpanRow: startTime/duration in ms). Grafana's Tempo backend
 * (pkg/tempo/trace.go, v13.1.x) sets `meta.custom = { partial, message }` from Tempo's TraceByIDResponse.
 */
export function traceFrame(
  spans: StoredSpan[],
  refId: string,
  custom: { partial: boolean; message: string } = { partial: false, message: '' }
): DataFrame {
  const f = <T>(name: string, type: FieldType, pick: (s: StoredSpan) => T): Partial<Field> => ({
    name,
    type,
    values: spans.map(pick),
    config: {},
  });
  return createDataFrame({
    name: 'Trace',
    refId,
    meta: { preferredVisualisationType: 'trace', custom },
    fields: [
      f('traceID', FieldType.string, (s) => s.traceId),
      f('spanID', FieldType.string, (s) => s.spanId),
      f('parentSpanID', FieldType.string, (s) => s.parentSpanId),
      f('operationName', FieldType.string, (s) => s.name),
      f('serviceName', FieldType.string, (s) => String(s.resource['service.name'])),
      f('kind', FieldType.string, (s) => KIND_CODE[s.kind] ?? s.kind),
      f('statusCode', FieldType.number, (s) => s.statusCode),
      f('statusMessage', FieldType.string, (s) => s.statusMessage),
      f('instrumentationLibraryName', FieldType.string, (s) => s.scopeName),
      f('instrumentationLibraryVersion', FieldType.string, () => ''),
      f('traceState', FieldType.string, () => ''),
      f('serviceTags', FieldType.other, (s) => kv(s.resource)),
      f('startTime', FieldType.number, (s) => s.startMs),
      f('duration', FieldType.number, (s) => s.durationMs),
      f('logs', FieldType.other, (s) =>
        s.events.map((e) => ({ timestamp: e.timeMs, name: e.name, fields: kv(e.attrs) }))
      ),
      f('references', FieldType.other, () => []),
      f('tags', FieldType.other, (s) => kv(s.attrs)),
    ],
  });
}

function attrFields(
  fields: FieldRef[],
  spans: StoredSpan[],
  trace: (s: StoredSpan) => StoredSpan[]
): Array<Partial<Field>> {
  return fields
    .filter((f) => !(f.kind === 'intrinsic' && ['duration', 'name', 'span:duration', 'span:name'].includes(f.name)))
    .map((f) => {
      const values = spans.map((s) => {
        const v = readField(f, s, trace(s));
        return 'v' in v ? v.v : undefined;
      });
      const numeric = values.every((v) => v === undefined || typeof v === 'number');
      return { name: fieldColumnName(f), type: numeric ? FieldType.number : FieldType.string, values, config: {} };
    });
}

/**
 * How Tempo's search renders a trace id: TraceIDToHexString trims leading zeros (grafana/tempo pkg/util/traceid.go),
 * so about one trace in sixteen comes back with 31 or fewer digits. Trace-by-id frames keep all 32.
 */
export function searchTraceId(traceId: string): string {
  return traceId.replace(/^0+/, '');
}

export interface TraceMatch {
  traceId: string;
  trace: StoredSpan[];
  matched: StoredSpan[];
}

function root(trace: StoredSpan[]): StoredSpan {
  return trace.find((s) => !s.parentSpanId) ?? trace.reduce((a, b) => (a.startMs <= b.startMs ? a : b));
}

function spansetFrame(m: TraceMatch, fields: FieldRef[], spss: number, refId: string): DataFrame {
  const spans = m.matched.slice(0, spss);
  return createDataFrame({
    name: 'Spanset',
    refId,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      {
        name: 'traceIdHidden',
        type: FieldType.string,
        values: spans.map(() => searchTraceId(m.traceId)),
        config: { custom: { hidden: true } },
      },
      { name: 'spanID', type: FieldType.string, values: spans.map((s) => s.spanId), config: {} },
      { name: 'time', type: FieldType.time, values: spans.map((s) => s.startMs), config: {} },
      { name: 'name', type: FieldType.string, values: spans.map((s) => s.name), config: {} },
      ...attrFields(fields, spans, () => m.trace),
      {
        name: 'duration',
        type: FieldType.number,
        values: spans.map((s) => Math.round(s.durationMs * 1e6)),
        config: { unit: 'ns' },
      },
    ],
  });
}

/** TraceQL search answer, tableType 'traces': one row per trace, matched spans as nested frames. */
export function tracesFrame(matches: TraceMatch[], fields: FieldRef[], spss: number, refId: string): DataFrame {
  const roots = matches.map((m) => root(m.trace));
  const durations = matches.map((m) => {
    const start = Math.min(...m.trace.map((s) => s.startMs));
    const end = Math.max(...m.trace.map((s) => s.startMs + s.durationMs));
    return end - start;
  });
  return createDataFrame({
    name: 'Traces',
    refId,
    meta: { preferredVisualisationType: 'table', uniqueRowIdFields: [0] },
    fields: [
      {
        name: 'traceID',
        type: FieldType.string,
        values: matches.map((m) => searchTraceId(m.traceId)),
        config: { displayNameFromDS: 'Trace ID' },
      },
      {
        name: 'startTime',
        type: FieldType.time,
        values: matches.map((m) => Math.min(...m.trace.map((s) => s.startMs))),
        config: { displayNameFromDS: 'Start time' },
      },
      {
        name: 'traceService',
        type: FieldType.string,
        values: roots.map((r) => String(r.resource['service.name'])),
        config: { displayNameFromDS: 'Service' },
      },
      {
        name: 'traceName',
        type: FieldType.string,
        values: roots.map((r) => r.name),
        config: { displayNameFromDS: 'Name' },
      },
      {
        name: 'traceDuration',
        type: FieldType.number,
        values: durations,
        config: { displayNameFromDS: 'Duration', unit: 'ms' },
      },
      {
        name: 'nested',
        type: FieldType.nestedFrames,
        values: matches.map((m) => [spansetFrame(m, fields, spss, refId)]),
        config: {},
      },
    ],
  });
}

/** TraceQL search answer, tableType 'spans': one flat row per matched span. */
export function spansFrame(matches: TraceMatch[], fields: FieldRef[], spss: number, refId: string): DataFrame {
  const rows: Array<{ m: TraceMatch; s: StoredSpan; r: StoredSpan }> = [];
  for (const m of matches) {
    const r = root(m.trace);
    for (const s of m.matched.slice(0, spss)) {
      rows.push({ m, s, r });
    }
  }
  const byTrace = new Map(matches.map((m) => [m.traceId, m.trace]));
  const spans = rows.map((x) => x.s);
  return createDataFrame({
    name: 'Spans',
    refId,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      {
        name: 'traceIdHidden',
        type: FieldType.string,
        values: rows.map((x) => searchTraceId(x.m.traceId)),
        config: { custom: { hidden: true } },
      },
      {
        name: 'traceService',
        type: FieldType.string,
        values: rows.map((x) => String(x.r.resource['service.name'])),
        config: {},
      },
      { name: 'traceName', type: FieldType.string, values: rows.map((x) => x.r.name), config: {} },
      { name: 'spanID', type: FieldType.string, values: spans.map((s) => s.spanId), config: {} },
      { name: 'time', type: FieldType.time, values: spans.map((s) => s.startMs), config: {} },
      { name: 'name', type: FieldType.string, values: spans.map((s) => s.name), config: {} },
      ...attrFields(fields, spans, (s) => byTrace.get(s.traceId) ?? [s]),
      {
        name: 'duration',
        type: FieldType.number,
        values: spans.map((s) => Math.round(s.durationMs * 1e6)),
        config: { unit: 'ns' },
      },
    ],
  });
}
