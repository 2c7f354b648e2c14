import type { DataFrame } from '@grafana/data';
import { buildTaskFlow } from '../flow/buildTaskFlow';
import type { PhaseRule, TaskFlow } from '../flow/types';
import { spansToFrames } from './frames';
import { groupTasks } from './groupTasks';
import type { SpanRecord } from './types';

/** One task of a file: its frames (as Tempo would have answered) and its flow. */
export interface FileTask {
  frames: DataFrame[];
  flow: TaskFlow;
  /** The id the task is known by: correlation_id, else task_uuid, else its first trace id. */
  id: string;
  /** Plain words for a picker: task name, id, span and trace counts. User data: render as text. */
  label: string;
}

/** The tasks among a file's spans, in start order, each built into a flow with the given phase rules. */
export function tasksFromSpans(spans: readonly SpanRecord[], phaseRules?: PhaseRule[]): FileTask[] {
  return groupTasks(spans).map((group) => {
    const frames = spansToFrames(group.spans);
    const flow = buildTaskFlow(frames, { phaseRules });
    const id = flow.correlationId ?? flow.taskUuid ?? group.traceIds[0];
    const name = flow.taskName ?? flow.namespace ?? 'task';
    const traces = group.traceIds.length === 1 ? '1 trace' : `${group.traceIds.length} traces`;
    return { frames, flow, id, label: `${name} · ${id} · ${group.spans.length} spans, ${traces}` };
  });
}
