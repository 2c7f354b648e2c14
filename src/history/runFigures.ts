// What one run of a task measures, in the units its history is kept in.
import { PHASES, type Phase, type TaskFlow } from '../flow/types';

/**
 * How a run's telemetry is shaped: one trace (the guide's model) or scattered over several (tasker-core today, whose
 * handler runs have no span). The same work measures differently in the two, so runs are compared within a shape.
 */
export type RunShape = 'one-trace' | 'scattered';

export function runShape(flow: Pick<TaskFlow, 'traceIds'>): RunShape {
  return flow.traceIds.length > 1 ? 'scattered' : 'one-trace';
}

export interface RunFigures {
  shape: RunShape;
  failed: boolean;
  wallMs: number;
  phases: Partial<Record<Phase, number>>;
  /** Execution time of each named step; a name that runs several times in one task has several values. */
  steps: Map<string, number[]>;
}

/** The figures of one run, read from its flow. Steps without a name cannot be matched across runs and are left out. */
export function runFigures(
  flow: Pick<TaskFlow, 'durationMs' | 'phaseTotals' | 'steps' | 'status' | 'traceIds'>
): RunFigures {
  const phases: Partial<Record<Phase, number>> = {};
  for (const p of PHASES) {
    const v = flow.phaseTotals[p];
    if (p !== 'other' && Number.isFinite(v) && v > 0) {
      phases[p] = v;
    }
  }
  const steps = new Map<string, number[]>();
  for (const s of flow.steps) {
    if (s.stepName && s.executionMs !== undefined && Number.isFinite(s.executionMs)) {
      const list = steps.get(s.stepName) ?? [];
      list.push(s.executionMs);
      steps.set(s.stepName, list);
    }
  }
  return { shape: runShape(flow), failed: flow.status === 'error', wallMs: flow.durationMs, phases, steps };
}

/** Steps looked at for their execution span names at most (a task may have thousands of the same few kinds). */
const MAX_STEPS_LOOKED_AT = 200;

/**
 * Names of the spans that measure the execution of the task's named steps (the flow's "execution spans":
 * execution-phase spans of a step whose parent is not an execution span of the same step), e.g. `execute_step`.
 * The metrics history is read over spans of these names, so it measures what this run measures.
 */
export function stepExecutionSpanNames(flow: Pick<TaskFlow, 'steps' | 'span'>): string[] {
  const names = new Set<string>();
  for (const step of flow.steps.slice(0, MAX_STEPS_LOOKED_AT)) {
    if (!step.stepName) {
      continue;
    }
    for (const id of step.spanIds) {
      const span = flow.span(id);
      if (!span || span.synthetic || span.phase !== 'execution' || !span.name) {
        continue;
      }
      const parent = span.parentSpanId ? flow.span(span.parentSpanId) : undefined;
      const nestedInExecution = parent && parent.phase === 'execution' && parent.stepUuid === span.stepUuid;
      if (!nestedInExecution) {
        names.add(span.name);
      }
    }
  }
  return Array.from(names).sort();
}
