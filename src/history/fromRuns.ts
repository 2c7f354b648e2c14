// History read run by run (a sample of recent tasks): quantiles per figure, failed runs counted apart.
import { PHASES, type Phase } from '../flow/types';
import { summarize } from './quantiles';
import type { RunFigures, RunShape } from './runFigures';
import type { SourcedDistribution, TaskHistory } from './types';

function sourced(values: number[], failed: number): SourcedDistribution | undefined {
  const d = summarize(values, failed);
  return d && { ...d, source: 'sample' };
}

/**
 * The sample's part of a task's history: wall time, phases and steps of the successful runs; only runs of `shape`
 * when given (a scattered run's figures do not compare with a one-trace run's).
 */
export function historyFromRuns(
  all: readonly RunFigures[],
  base: Pick<TaskHistory, 'namespace' | 'taskName' | 'lookbackDays'>,
  shape?: RunShape
): TaskHistory {
  const runs = shape === undefined ? all : all.filter((r) => r.shape === shape);
  const ok = runs.filter((r) => !r.failed);
  const failed = runs.length - ok.length;
  const phases: TaskHistory['phases'] = {};
  for (const p of PHASES) {
    const values = ok.map((r) => r.phases[p as Phase]).filter((v): v is number => v !== undefined);
    const d = p === 'other' ? undefined : sourced(values, failed);
    if (d) {
      phases[p] = d;
    }
  }
  const stepValues = new Map<string, number[]>();
  const stepFailed = new Map<string, number>();
  for (const r of runs) {
    for (const [name, values] of r.steps) {
      if (r.failed) {
        stepFailed.set(name, (stepFailed.get(name) ?? 0) + 1);
      } else {
        stepValues.set(name, [...(stepValues.get(name) ?? []), ...values]);
      }
    }
  }
  const steps: TaskHistory['steps'] = new Map();
  for (const [name, values] of stepValues) {
    const d = sourced(values, stepFailed.get(name) ?? 0);
    if (d) {
      steps.set(name, d);
    }
  }
  return {
    ...base,
    task: sourced(
      ok.map((r) => r.wallMs),
      failed
    ),
    phases,
    steps,
    sampledRuns: runs.length,
    notes: [],
  };
}
