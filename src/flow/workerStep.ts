// tasker-core's worker.step_completion_received spans carry `trace_id` and `span_id` attributes that are plain
// strings, not OTel ids: the task's correlation_id and `span-<step_uuid>`. The span_id is the only place those
// spans name their step.

export const WORKER_STEP_KEY = 'span_id';
const WORKER_STEP_VALUE = /^span-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The step_uuid in a worker span's `span_id` value, or undefined when the value is not of that form. */
export function workerStepUuid(raw: unknown): string | undefined {
  return typeof raw === 'string' ? WORKER_STEP_VALUE.exec(raw)?.[1] : undefined;
}
