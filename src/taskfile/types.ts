import type { KeyValue } from '../flow/types';

/** One span read from a task file, in the app's own terms (times in ms, ids lowercase hex). */
export interface SpanRecord {
  traceId: string;
  spanId: string;
  /** '' for a root. */
  parentSpanId: string;
  name: string;
  serviceName: string;
  /** Resource attributes (service.name included). */
  resource: KeyValue[];
  attributes: KeyValue[];
  /** Epoch ms, microsecond precision. */
  startMs: number;
  durationMs: number;
  /** 'server', 'client', 'internal', 'producer', 'consumer'; '' when unspecified. */
  kind: string;
  /** 0 unset, 1 ok, 2 error. */
  statusCode: 0 | 1 | 2;
  statusMessage: string;
  events: Array<{ timeMs: number; name: string; fields: KeyValue[] }>;
}

export type TaskFileFormat = 'otlp' | 'jaeger';

/** Why a task file cannot be opened; `message` is plain words for a user. */
export type TaskFileProblem = 'too_large' | 'not_json' | 'unknown_format' | 'no_spans';

export class TaskFileError extends Error {
  constructor(
    readonly problem: TaskFileProblem,
    message: string
  ) {
    super(message);
    this.name = 'TaskFileError';
  }
}

// OTLP/JSON as the OTLP specification's JSON encoding writes it (camelCase names, hex ids, integers as strings).
export interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number | string;
  arrayValue?: { values?: OtlpAnyValue[] };
  kvlistValue?: { values?: OtlpKeyValue[] };
  bytesValue?: string;
}

export interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes?: OtlpKeyValue[];
  events?: Array<{ timeUnixNano: string; name: string; attributes?: OtlpKeyValue[] }>;
  status?: { code?: number; message?: string };
}

export interface OtlpResourceSpans {
  resource?: { attributes?: OtlpKeyValue[] };
  scopeSpans: Array<{ scope?: { name?: string; version?: string }; spans: OtlpSpan[] }>;
}

export interface OtlpTracesData {
  resourceSpans: OtlpResourceSpans[];
}
