// The neutral model of simulated Tasker telemetry: plain data, no OpenTelemetry types, browser-safe.

export type Shape = 'documented' | 'tasker-core';
export const SHAPES: readonly Shape[] = ['documented', 'tasker-core'];

export type AttributeValue = string | number | boolean;
export type Attributes = Record<string, AttributeValue>;

export type HandlerLanguage = 'rust' | 'ruby' | 'python' | 'typescript';

export interface SimSpanEvent {
  timeMs: number;
  name: string;
  attributes: Attributes;
}

export interface SimSpan {
  /** 32 lowercase hex digits. */
  traceId: string;
  /** 16 lowercase hex digits. */
  spanId: string;
  /** Absent on root spans. */
  parentSpanId?: string;
  name: string;
  /** service.name of the emitting process (before any OTEL_SERVICE_NAME prefix). */
  service: string;
  /** Epoch milliseconds (fractional allowed). */
  startMs: number;
  durationMs: number;
  /** Tasker spans are all INTERNAL. */
  kind: 'internal';
  attributes: Attributes;
  events: SimSpanEvent[];
  status: { code: 'unset' | 'ok' | 'error'; message?: string };
}

export type LogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

export interface SimLogRecord {
  timeMs: number;
  service: string;
  level: LogLevel;
  /** The log line: a message (documented) or a tracing-subscriber text line (tasker-core). */
  body: string;
  /** OTLP log attributes (Loki structured metadata). */
  attributes: Attributes;
  /** Trace context of the log record, when the emitter had one (documented shape only). */
  traceId?: string;
  spanId?: string;
}

export interface SimAttempt {
  attempt: number;
  /** When orchestration started the enqueue_ready_steps pass that enqueued this attempt. */
  enqueueStartMs: number;
  enqueuedMs: number;
  claimedMs: number;
  executionStartMs: number;
  executionEndMs: number;
  resultProcessedStartMs: number;
  resultProcessedEndMs: number;
  failed: boolean;
  error?: string;
  /** Set when this failure is retried. */
  backoff?: { type: 'exponential'; delaySeconds: number; nextRetryAtMs: number };
}

export interface SimStep {
  stepUuid: string;
  stepName: string;
  dependsOn: string[];
  handler: { language: HandlerLanguage; name: string };
  attempts: SimAttempt[];
  /** complete, error (retries exhausted) or skipped (a dependency failed, never enqueued). */
  state: 'complete' | 'error' | 'skipped';
  slow: boolean;
}

export interface SimTask {
  shape: Shape;
  correlationId: string;
  taskUuid: string;
  namespace: string;
  taskName: string;
  version: string;
  startMs: number;
  endMs: number;
  state: 'complete' | 'error';
  steps: SimStep[];
  spans: SimSpan[];
  logs: SimLogRecord[];
  /** Distinct trace ids of this task's spans, in order of first appearance. */
  traceIds: string[];
}

export interface SimBatch {
  seed: number;
  tasks: SimTask[];
  /** Spans that belong to no task: PGMQ polling roots and the long-lived domain event loop (tasker-core only). */
  noise: SimSpan[];
}
