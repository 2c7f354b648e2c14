// "Is this task slow?": a run of a task compared with the history of the same task. Pure types.
import type { Anomaly, Phase } from '../flow/types';

/** How long something usually takes: quantiles over successful runs, failed runs counted apart. */
export interface Distribution {
  p50: number;
  p95: number;
  /** Successful runs the quantiles are over. */
  runs: number;
  /** Failed runs seen in the same window, left out of the quantiles. */
  failedRuns: number;
}

/** Where a figure's history came from: Tempo's TraceQL metrics, or a sample of recent runs read span by span. */
export type HistorySource = 'metrics' | 'sample';

export interface SourcedDistribution extends Distribution {
  source: HistorySource;
  /** Hours of history behind this figure when fewer than the look-back (Tempo limits a metrics query's range). */
  windowHours?: number;
}

/** The history of one task name in one namespace over a look-back window. */
export interface TaskHistory {
  namespace: string;
  taskName?: string;
  lookbackDays: number;
  /** Wall time of the task: first start to last end. */
  task?: SourcedDistribution;
  phases: Partial<Record<Phase, SourcedDistribution>>;
  /** Execution time per step name. */
  steps: Map<string, SourcedDistribution>;
  /** Runs of the task the sample read (0 when none could be read). */
  sampledRuns: number;
  /** Plain words on what could not be used and why (e.g. "TraceQL metrics unavailable: …"). */
  notes: string[];
}

/** One figure of this run beside its history. */
export interface ComparedFigure {
  kind: 'task' | 'phase' | 'step';
  /** "task", "execution", "step linear_step_2". User data (step names): render as text. */
  label: string;
  phase?: Phase;
  stepUuid?: string;
  stepName?: string;
  valueMs: number;
  history?: SourcedDistribution;
  /** valueMs / p50, when the p50 is above zero. */
  ratio?: number;
  /** History holds at least the minimum number of runs: only then is anything claimed. */
  enough: boolean;
  /** Beyond its p95 (and clearly above its p50): slower than usual. */
  slow: boolean;
  spanIds: string[];
}

export interface HistoryComparison {
  figures: ComparedFigure[];
  /** `slower_than_usual`, one per slow phase or step, in plain words. */
  anomalies: Anomaly[];
  slowPhases: Phase[];
  slowStepUuids: string[];
}
