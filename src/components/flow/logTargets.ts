import type { LogTarget, StepLogIds, TaskLogIds } from '../../data/logs';
import { isTraceId, isUuid } from '../../query';
import type { TaskFlow } from '../../flow/types';

const SPAN_ID = /^[0-9a-fA-F]{1,16}$/;

/** The distinct UUIDs among `values`, lower-cased, in order (a Set: a large task has tens of thousands of steps). */
function uuids(values: ReadonlyArray<string | undefined>): string[] {
  const out = new Set<string>();
  for (const v of values) {
    const id = v?.trim().toLowerCase();
    if (id && isUuid(id)) {
      out.add(id);
    }
  }
  return [...out];
}

/**
 * The ids a stitched task's log lines may carry: every trace of the flow (tasker-core's lines carry only the trace
 * context of the span they were written in), its correlation_id and task_uuid, and its steps' step_uuids. The id
 * from the URL counts too when the spans did not say which kind it is.
 */
export function taskLogIds(flow: TaskFlow, mode: 'task' | 'trace', requestedId: string): TaskLogIds {
  const asked = mode === 'task' ? requestedId : undefined;
  const unknownKind = asked && asked.toLowerCase() !== flow.correlationId && asked.toLowerCase() !== flow.taskUuid;
  return {
    correlationIds: uuids([flow.correlationId, unknownKind ? asked : undefined]),
    taskUuids: uuids([flow.taskUuid, unknownKind ? asked : undefined]),
    stepUuids: uuids(flow.steps.map((s) => s.stepUuid)),
    traceIds: flow.traceIds.filter((t) => isTraceId(t)),
  };
}

/** The task's logs; a lone trace with no task ids and no usable trace id falls back to the trace itself. */
export function taskLogTarget(flow: TaskFlow, mode: 'task' | 'trace', requestedId: string): LogTarget {
  const ids = taskLogIds(flow, mode, requestedId);
  const count = ['correlationIds', 'taskUuids', 'stepUuids', 'traceIds'] as const;
  if (count.some((k) => (ids[k]?.length ?? 0) > 0)) {
    return { task: ids };
  }
  return mode === 'trace' ? { traceId: requestedId } : { task: { correlationIds: [requestedId] } };
}

/** One step's logs: the lines written in its spans, or carrying its step_uuid. Undefined when it is not a step. */
export function stepLogTarget(flow: TaskFlow, stepUuid: string): { step: StepLogIds } | undefined {
  const step = flow.steps.find((s) => s.stepUuid === stepUuid);
  if (!step || !isUuid(stepUuid)) {
    return undefined;
  }
  const spans: Array<StepLogIds['spans'][number]> = [];
  for (const id of step.spanIds) {
    const span = flow.span(id);
    if (span && !span.synthetic && isTraceId(span.traceId) && SPAN_ID.test(span.spanId)) {
      spans.push({ traceId: span.traceId, spanId: span.spanId });
    }
  }
  return { step: { stepUuid, spans } };
}
