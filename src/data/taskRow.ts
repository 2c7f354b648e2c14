/** One task (one workflow run) in the task list: all of its traces folded into one row. */
export interface TaskRow {
  /** task_uuid when known, else correlation_id. Also the route parameter of the task flow page. */
  key: string;
  correlationId?: string;
  taskUuid?: string;
  namespace?: string;
  taskName?: string;
  startMs: number;
  durationMs: number;
  status: 'error' | 'ok' | 'unset';
  traceCount: number;
  spanCount: number;
  /** In start-time order. */
  traceIds: string[];
  services: string[];
}
