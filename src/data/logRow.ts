/** One log line. `message` is the raw line: render it as text. */
export interface LogRow {
  id: string;
  timeMs: number;
  /** Lower-case severity (error, warn, info, debug, trace) or 'unknown'. */
  level: string;
  message: string;
  /** Stream labels and structured metadata. */
  labels: Record<string, string>;
  traceId?: string;
  spanId?: string;
  correlationId?: string;
  taskUuid?: string;
}
