// This run against its history: which phases and steps are slower than usual, in plain words.
import type { Anomaly, Phase, TaskFlow } from '../flow/types';
import type { ComparedFigure, HistoryComparison, SourcedDistribution, TaskHistory } from './types';

/** Below this many successful runs the history says nothing about what is usual. */
export const MIN_HISTORY_RUNS = 5;
/**
 * Beyond the p95 is not enough on its own: one run in twenty is there by definition, a task has a dozen figures,
 * and Tempo's quantiles are estimated on power-of-two buckets (a p95 can sit at a bucket edge below values that are
 * common). A figure is slower than usual when it is beyond its p95 and at least this many times its p50.
 */
export const SLOW_MIN_RATIO = 3;
/** Span ids kept on one anomaly at most. */
const MAX_ANOMALY_SPANS = 200;

export interface CompareOptions {
  /** Formats a duration for the messages (the app passes its one formatter, src/flow/formatMs.ts). */
  formatMs: (ms: number) => string;
  minRuns?: number;
}

type RunView = Pick<TaskFlow, 'durationMs' | 'phaseTotals' | 'steps' | 'spanCount' | 'phaseAt' | 'idAt'>;

function figure(
  base: Omit<ComparedFigure, 'history' | 'ratio' | 'enough' | 'slow'>,
  history: SourcedDistribution | undefined,
  minRuns: number
): ComparedFigure {
  const enough = history !== undefined && history.runs >= minRuns;
  const ratio = history && history.p50 > 0 ? base.valueMs / history.p50 : undefined;
  const slow =
    enough && ratio !== undefined && base.valueMs > history.p95 && ratio >= SLOW_MIN_RATIO && base.valueMs > 0;
  return { ...base, history, ratio, enough, slow };
}

/** "9.8×" under ten, "12×" above. */
export function formatRatio(ratio: number): string {
  return ratio < 10 ? `${(Math.round(ratio * 10) / 10).toFixed(1)}×` : `${Math.round(ratio)}×`;
}

function window(days: number, hours?: number): string {
  if (hours !== undefined) {
    return hours === 1 ? 'last hour' : `last ${hours} hours`;
  }
  return days === 1 ? 'last day' : `last ${days} days`;
}

/** "execution: 1.0 s, 9.8× its usual 102 ms (p50 of 24 runs, last 7 days)" */
export function slowMessage(f: ComparedFigure, lookbackDays: number, formatMs: (ms: number) => string): string {
  const h = f.history!;
  return (
    `${f.label}: ${formatMs(f.valueMs)}, ${formatRatio(f.ratio ?? 0)} its usual ${formatMs(h.p50)} ` +
    `(p50 of ${h.runs} runs, ${window(lookbackDays, h.windowHours)})`
  );
}

/** Real spans of a phase (up to a cap): what a click on the anomaly cycles through. */
function phaseSpanIds(run: RunView, phase: Phase): string[] {
  const ids: string[] = [];
  // Real spans only: synthetic step nodes come after spanCount.
  const n = run.spanCount;
  for (let i = 0; i < n && ids.length < MAX_ANOMALY_SPANS; i++) {
    if (run.phaseAt(i) === phase) {
      ids.push(run.idAt(i));
    }
  }
  return ids;
}

/** Compares each phase, each named step and the task's wall time with the history. Never throws on odd input. */
export function compareWithHistory(run: RunView, history: TaskHistory, options: CompareOptions): HistoryComparison {
  const minRuns = options.minRuns ?? MIN_HISTORY_RUNS;
  const figures: ComparedFigure[] = [];
  figures.push(figure({ kind: 'task', label: 'task', valueMs: run.durationMs, spanIds: [] }, history.task, minRuns));
  for (const [phase, value] of Object.entries(run.phaseTotals) as Array<[Phase, number]>) {
    if (phase === 'other' || !(Number.isFinite(value) && value > 0)) {
      continue;
    }
    figures.push(
      figure({ kind: 'phase', label: phase, phase, valueMs: value, spanIds: [] }, history.phases[phase], minRuns)
    );
  }
  for (const step of run.steps) {
    if (!step.stepName || step.executionMs === undefined || !Number.isFinite(step.executionMs)) {
      continue;
    }
    figures.push(
      figure(
        {
          kind: 'step',
          label: `step ${step.stepName}`,
          stepUuid: step.stepUuid,
          stepName: step.stepName,
          valueMs: step.executionMs,
          spanIds: step.spanIds.slice(0, MAX_ANOMALY_SPANS),
        },
        history.steps.get(step.stepName),
        minRuns
      )
    );
  }
  const anomalies: Anomaly[] = [];
  const slowPhases: Phase[] = [];
  const slowStepUuids: string[] = [];
  for (const f of figures) {
    if (!f.slow || f.kind === 'task') {
      continue;
    }
    if (f.kind === 'phase' && f.phase) {
      slowPhases.push(f.phase);
      f.spanIds = phaseSpanIds(run, f.phase);
    } else if (f.stepUuid) {
      slowStepUuids.push(f.stepUuid);
    }
    anomalies.push({
      kind: 'slower_than_usual',
      spanIds: f.spanIds,
      message: slowMessage(f, history.lookbackDays, options.formatMs),
    });
  }
  return { figures, anomalies, slowPhases, slowStepUuids };
}
