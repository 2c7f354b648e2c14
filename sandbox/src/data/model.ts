/** The stand-ins' in-memory telemetry: what Tempo and Loki would hold after ingesting Tasker's OTLP. */

export type AttrValue = string | number | boolean;

export interface StoredEvent {
  timeMs: number;
  name: string;
  attrs: Record<string, AttrValue>;
}

export interface StoredSpan {
  traceId: string;
  spanId: string;
  /** '' for a root span. */
  parentSpanId: string;
  name: string;
  /** OTel kind name in Tempo's spelling: internal, server, client, producer, consumer. */
  kind: string;
  /** 0 unset, 1 ok, 2 error. */
  statusCode: 0 | 1 | 2;
  statusMessage: string;
  startMs: number;
  durationMs: number;
  attrs: Record<string, AttrValue>;
  /** Resource attributes; service.name is always set. */
  resource: Record<string, AttrValue>;
  events: StoredEvent[];
  scopeName: string;
}

export interface StoredLog {
  timeMs: number;
  line: string;
  /** Indexed labels (service_name, ...). */
  stream: Record<string, string>;
  /** Structured metadata (trace_id, correlation_id, detected_level, ...). */
  metadata: Record<string, string>;
}

export interface DemoTaskInfo {
  correlationId: string;
  taskUuid: string;
  namespace: string;
  taskName: string;
  shape: 'documented' | 'tasker-core' | 'hostile' | 'large';
  spanCount: number;
  error: boolean;
}

/** What the host holds: also the JSON layout that `serve.ts --data <file>` accepts. */
export interface DemoData {
  spans: StoredSpan[];
  logs: StoredLog[];
  tasks: DemoTaskInfo[];
}
