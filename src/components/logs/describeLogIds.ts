import { capTaskLogIds, type StepLogIds, type TaskLogIds } from '../../data/logs';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What a task's log search asked for, in words: "correlation_id 88f2…, task_uuid 019a…, 3 step_uuids, 9 traces".
 * Ids beyond what one search asks for are counted as left out.
 */
export function describeTaskLogIds(all: TaskLogIds): string {
  const { ids, leftOut } = capTaskLogIds(all);
  const parts: string[] = [];
  const named = (key: string, list: readonly string[] | undefined, many: string) => {
    if (list && list.length > 0) {
      parts.push(list.length === 1 ? `${key} ${list[0]}` : plural(list.length, key, many));
    }
  };
  named('correlation_id', ids.correlationIds, 'correlation_ids');
  named('task_uuid', ids.taskUuids, 'task_uuids');
  named('step_uuid', ids.stepUuids, 'step_uuids');
  const traces = ids.traceIds?.length ?? 0;
  if (traces > 0) {
    parts.push(traces === 1 ? `trace ${ids.traceIds![0]}` : plural(traces, 'trace', 'traces'));
  }
  return leftOut > 0 ? `${parts.join(', ')} (${leftOut} more ids left out)` : parts.join(', ');
}

/** "step_uuid 019a…, 4 spans". */
export function describeStepLogIds(step: StepLogIds): string {
  return step.spans.length > 0
    ? `step_uuid ${step.stepUuid}, ${plural(step.spans.length, 'span', 'spans')}`
    : `step_uuid ${step.stepUuid}`;
}
