// The simulated model as Grafana receives it from its datasources: Tempo trace-by-id frames (one per trace), Tempo
// search results, Loki log rows and frames. Pure and browser-safe: plain objects shaped like @grafana/data's
// DataFrame (fields with `values` arrays), with no runtime import.
import type { AttributeValue, Attributes, SimBatch, SimLogRecord, SimSpan } from './model';
import { INSTRUMENTATION_SCOPE, resourceAttributes, serviceName, type ResourceSettings } from './resource';

export type FrameFieldType = 'string' | 'number' | 'time' | 'boolean' | 'other';

export interface FrameField {
  name: string;
  type: FrameFieldType;
  config: Record<string, unknown>;
  values: unknown[];
}

export interface Frame {
  name?: string;
  refId?: string;
  meta?: Record<string, unknown>;
  fields: FrameField[];
  length: number;
}

export interface KeyValue {
  key: string;
  value: AttributeValue;
}

const field = (
  name: string,
  type: FrameFieldType,
  values: unknown[],
  config: Record<string, unknown> = {}
): FrameField => ({ name, type, config, values });
const toKeyValues = (attrs: Attributes): KeyValue[] => Object.entries(attrs).map(([key, value]) => ({ key, value }));

/** All spans of the batch (tasks and noise), grouped by trace id in order of first appearance. */
export function spansByTrace(batch: SimBatch): Map<string, SimSpan[]> {
  const byTrace = new Map<string, SimSpan[]>();
  for (const span of [...batch.tasks.flatMap((t) => t.spans), ...batch.noise]) {
    const list = byTrace.get(span.traceId) ?? [];
    list.push(span);
    byTrace.set(span.traceId, list);
  }
  return byTrace;
}

const STATUS_CODE = { unset: 0, ok: 1, error: 2 } as const;

/** Tempo's trace-by-id frame (what Grafana's Tempo backend returns): times and durations in ms. */
export function traceFrame(spans: SimSpan[], settings: ResourceSettings = {}): Frame {
  const sorted = [...spans].sort((a, b) => a.startMs - b.startMs);
  return {
    name: 'Trace',
    refId: 'A',
    meta: { preferredVisualisationType: 'trace' },
    length: sorted.length,
    fields: [
      field(
        'traceID',
        'string',
        sorted.map((s) => s.traceId)
      ),
      field(
        'spanID',
        'string',
        sorted.map((s) => s.spanId)
      ),
      field(
        'parentSpanID',
        'string',
        sorted.map((s) => s.parentSpanId ?? '')
      ),
      field(
        'operationName',
        'string',
        sorted.map((s) => s.name)
      ),
      field(
        'serviceName',
        'string',
        sorted.map((s) => serviceName(s.service, settings))
      ),
      field(
        'kind',
        'string',
        sorted.map((s) => s.kind)
      ),
      field(
        'statusCode',
        'number',
        sorted.map((s) => STATUS_CODE[s.status.code])
      ),
      field(
        'statusMessage',
        'string',
        sorted.map((s) => s.status.message ?? '')
      ),
      field(
        'instrumentationLibraryName',
        'string',
        sorted.map(() => INSTRUMENTATION_SCOPE.name)
      ),
      field(
        'instrumentationLibraryVersion',
        'string',
        sorted.map(() => INSTRUMENTATION_SCOPE.version)
      ),
      field(
        'traceState',
        'string',
        sorted.map(() => '')
      ),
      field(
        'serviceTags',
        'other',
        sorted.map((s) => toKeyValues(resourceAttributes(s.service, settings)))
      ),
      field(
        'startTime',
        'number',
        sorted.map((s) => s.startMs)
      ),
      field(
        'duration',
        'number',
        sorted.map((s) => s.durationMs)
      ),
      field(
        'logs',
        'other',
        sorted.map((s) =>
          s.events.map((e) => ({ timestamp: e.timeMs, name: e.name, fields: toKeyValues(e.attributes) }))
        )
      ),
      field(
        'references',
        'other',
        sorted.map(() => [])
      ),
      field(
        'tags',
        'other',
        sorted.map((s) => toKeyValues(s.attributes))
      ),
    ],
  };
}

/** One trace-by-id frame per trace of the batch. */
export function traceFrames(batch: SimBatch, settings: ResourceSettings = {}): Frame[] {
  return [...spansByTrace(batch).values()].map((spans) => traceFrame(spans, settings));
}

export interface SearchOptions {
  /** Which spans match (default: spans with a correlation_id attribute). */
  matches?: (span: SimSpan) => boolean;
  /** Span attribute keys shown as columns, like `| select(span.x)` (default correlation_id, task_uuid, namespace). */
  select?: string[];
  /** Spans per span set (default 3). */
  spss?: number;
  /** Traces (default 20). */
  limit?: number;
}

/** Tempo search results (tableType traces): a `Traces` frame, newest first, with one nested span-set frame per trace. */
export function searchFrame(batch: SimBatch, options: SearchOptions = {}, settings: ResourceSettings = {}): Frame {
  const matches = options.matches ?? ((s: SimSpan) => s.attributes.correlation_id !== undefined);
  const select = options.select ?? ['correlation_id', 'task_uuid', 'namespace'];
  const spss = options.spss ?? 3;
  const rows: Array<{
    traceId: string;
    startMs: number;
    service: string;
    name: string;
    durationMs: number;
    nested: Frame;
  }> = [];
  for (const [traceId, spans] of spansByTrace(batch)) {
    const hits = spans.filter(matches);
    if (hits.length === 0) {
      continue;
    }
    const root = spans.find((s) => !s.parentSpanId) ?? spans[0];
    const start = Math.min(...spans.map((s) => s.startMs));
    const end = Math.max(...spans.map((s) => s.startMs + s.durationMs));
    const shown = hits.slice(0, spss);
    rows.push({
      traceId,
      startMs: start,
      service: serviceName(root.service, settings),
      name: root.name,
      durationMs: end - start,
      nested: {
        name: 'Spans',
        length: shown.length,
        meta: { custom: { spanSet: { matched: hits.length } } },
        fields: [
          field(
            'traceIdHidden',
            'string',
            shown.map((s) => s.traceId),
            { custom: { hidden: true } }
          ),
          field(
            'spanID',
            'string',
            shown.map((s) => s.spanId)
          ),
          field(
            'time',
            'time',
            shown.map((s) => s.startMs)
          ),
          field(
            'name',
            'string',
            shown.map((s) => s.name)
          ),
          // Grafana names these by Tempo's attribute key (no scope) and sorts them.
          ...[...select].sort().map((key) =>
            field(
              key,
              'string',
              shown.map((s) => (s.attributes[key] === undefined ? '' : String(s.attributes[key]))),
              { displayNameFromDS: key }
            )
          ),
          field(
            'duration',
            'number',
            shown.map((s) => Math.round(s.durationMs * 1e6)),
            { unit: 'ns' }
          ),
        ],
      },
    });
  }
  rows.sort((a, b) => b.startMs - a.startMs);
  const top = rows.slice(0, options.limit ?? 20);
  return {
    name: 'Traces',
    refId: 'A',
    meta: { preferredVisualisationType: 'table' },
    length: top.length,
    fields: [
      field(
        'traceID',
        'string',
        top.map((r) => r.traceId)
      ),
      field(
        'startTime',
        'time',
        top.map((r) => r.startMs)
      ),
      field(
        'traceService',
        'string',
        top.map((r) => r.service)
      ),
      field(
        'traceName',
        'string',
        top.map((r) => r.name)
      ),
      field(
        'traceDuration',
        'number',
        top.map((r) => r.durationMs),
        { unit: 'ms' }
      ),
      field(
        'nested',
        'other',
        top.map((r) => [r.nested])
      ),
    ],
  };
}

export interface LogRow {
  /** Index labels and structured metadata together, as Grafana shows them. */
  labels: Record<string, string>;
  timeMs: number;
  /** Nanoseconds since epoch as a decimal string (Loki's precision). */
  tsNs: string;
  line: string;
  id: string;
  level: string;
}

/** Loki's view of an OTLP log record: service_name/deployment_environment labels, the rest structured metadata. */
export function logRow(record: SimLogRecord, index: number, settings: ResourceSettings = {}): LogRow {
  const resource = resourceAttributes(record.service, settings);
  const labels: Record<string, string> = {
    service_name: String(resource['service.name']),
    deployment_environment: String(resource['deployment.environment']),
    service_version: String(resource['service.version']),
    detected_level: record.level.toLowerCase(),
    severity_text: record.level,
    scope_name: INSTRUMENTATION_SCOPE.name,
  };
  for (const [key, value] of Object.entries(record.attributes)) {
    // Loki replaces characters outside [A-Za-z0-9_] in structured-metadata names with `_`.
    labels[key.replace(/[^A-Za-z0-9_]/g, '_')] = String(value);
  }
  if (record.traceId) {
    labels.trace_id = record.traceId;
  }
  if (record.spanId) {
    labels.span_id = record.spanId;
  }
  const whole = Math.floor(record.timeMs);
  const subMsNs = Math.round((record.timeMs - whole) * 1e6);
  const tsNs = `${whole}${String(subMsNs).padStart(6, '0')}`;
  return {
    labels,
    timeMs: record.timeMs,
    tsNs,
    line: record.body,
    id: `${tsNs}_${index.toString(16)}`,
    level: record.level.toLowerCase(),
  };
}

/** Every log record of the batch, oldest first. */
export function logRows(batch: SimBatch, settings: ResourceSettings = {}): LogRow[] {
  return batch.tasks
    .flatMap((t) => t.logs)
    .sort((a, b) => a.timeMs - b.timeMs)
    .map((r, i) => logRow(r, i, settings));
}

/** Loki's log frame (labels, Time, Line, tsNs, id). Newest first, as Loki answers a backward query. */
export function logsFrame(rows: LogRow[]): Frame {
  const sorted = [...rows].sort((a, b) => b.timeMs - a.timeMs);
  return {
    refId: 'A',
    meta: { custom: { frameType: 'LabeledTimeValues' }, preferredVisualisationType: 'logs' },
    length: sorted.length,
    fields: [
      field(
        'labels',
        'other',
        sorted.map((r) => r.labels)
      ),
      field(
        'Time',
        'time',
        sorted.map((r) => r.timeMs)
      ),
      field(
        'Line',
        'string',
        sorted.map((r) => r.line)
      ),
      field(
        'tsNs',
        'string',
        sorted.map((r) => r.tsNs)
      ),
      field(
        'id',
        'string',
        sorted.map((r) => r.id)
      ),
    ],
  };
}
