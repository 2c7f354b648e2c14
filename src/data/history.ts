// A task's history for the flow page: step times from TraceQL metrics where Tempo serves them, wall time and phases
// (and steps, when metrics are not served) from a sample of recent runs. Cached, so opening tasks of the same name
// one after the other asks Tempo once.
import { historyFromRuns } from '../history/fromRuns';
import type { RunShape } from '../history/runFigures';
import type { SourcedDistribution, TaskHistory } from '../history/types';
import type { ResolvedSettings } from '../settings/types';
import { isDataError } from './errors';
import { fetchStepHistoryMetrics } from './historyMetrics';
import { sampleTaskRuns, type SampledRun } from './historySample';
import { absoluteRange } from './timeRange';

/**
 * Tempo refuses a TraceQL metrics query over more than `query_frontend.metrics.max_duration` (24 h by default):
 * when the look-back is refused, the step times are asked for this many hours, and say so.
 */
export const METRICS_FALLBACK_HOURS = 24;
const HOUR_MS = 3600_000;

/** How long a history stays fresh: long enough to move between tasks, short enough to follow new runs. */
export const HISTORY_TTL_MS = 5 * 60_000;
const DAY_MS = 24 * 3600_000;

export interface HistoryRequest {
  namespace: string;
  taskName?: string;
  /** Span names of the task's step executions (metrics are read over these); none skips the metrics. */
  stepSpanNames: string[];
  /** Ids of the task on screen: it is not part of its own history. */
  excludeIds: string[];
  /** Its task_uuid, when known: the metrics leave its spans out. */
  taskUuid?: string;
  /** The task's telemetry shape: sampled runs of the other shape are left out. */
  shape: RunShape;
}

interface Entry<T> {
  at: number;
  promise: Promise<T>;
}

const samples = new Map<string, Entry<SampledRun[]>>();
const metrics = new Map<string, Entry<Map<string, SourcedDistribution>>>();

function cached<T>(cache: Map<string, Entry<T>>, key: string, nowMs: number, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit && nowMs - hit.at < HISTORY_TTL_MS) {
    return hit.promise;
  }
  const promise = load();
  cache.set(key, { at: nowMs, promise });
  // A failure is not remembered: the next task page tries again.
  promise.catch(() => cache.get(key)?.promise === promise && cache.delete(key));
  return promise;
}

/** Forgets every cached history (tests; a settings change reloads the page anyway). */
export function clearHistoryCache(): void {
  samples.clear();
  metrics.clear();
}

function reason(e: unknown): string {
  if (isDataError(e)) {
    return e.title;
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * The history of the task's namespace and name over the settings' look-back, ending now. The shared requests run to
 * the end even when the page that asked is left (another page may be waiting for them); the caller just ignores the
 * answer then.
 */
export async function fetchTaskHistory(
  req: HistoryRequest,
  settings: ResolvedSettings,
  options: { nowMs?: number } = {}
): Promise<TaskHistory> {
  const nowMs = options.nowMs ?? Date.now();
  const lookbackDays = settings.historyLookbackDays;
  const range = absoluteRange(nowMs - lookbackDays * DAY_MS, nowMs);
  const base = `${settings.tempoUid}\u0000${req.namespace}\u0000${lookbackDays}`;
  const sampleKey = `${base}\u0000${req.taskName ?? ''}`;
  // Per task too: the metrics leave the task's own spans out (two small queries; the costly sample is shared).
  const metricsKey = `${base}\u0000${req.taskUuid ?? ''}\u0000${[...req.stepSpanNames].sort().join('\u0000')}`;

  const sampleP = cached(samples, sampleKey, nowMs, () =>
    sampleTaskRuns({ namespace: req.namespace, taskName: req.taskName, excludeIds: req.excludeIds }, range, settings)
  );
  const metricsP =
    req.stepSpanNames.length > 0
      ? cached(metrics, metricsKey, nowMs, async () => {
          const q = { namespace: req.namespace, spanNames: req.stepSpanNames, excludeTaskUuid: req.taskUuid };
          try {
            return await fetchStepHistoryMetrics(q, range, settings);
          } catch (e) {
            if (lookbackDays * 24 <= METRICS_FALLBACK_HOURS) {
              throw e;
            }
            const shorter = absoluteRange(nowMs - METRICS_FALLBACK_HOURS * HOUR_MS, nowMs);
            const steps = await fetchStepHistoryMetrics(q, shorter, settings);
            for (const d of steps.values()) {
              d.windowHours = METRICS_FALLBACK_HOURS;
            }
            return steps;
          }
        })
      : undefined;
  const [sample, metric] = await Promise.allSettled([sampleP, metricsP ?? Promise.resolve(undefined)]);

  const exclude = new Set(req.excludeIds);
  const runs = sample.status === 'fulfilled' ? sample.value.filter((r) => !r.ids.some((id) => exclude.has(id))) : [];
  const history = historyFromRuns(
    runs.map((r) => r.figures),
    { namespace: req.namespace, taskName: req.taskName, lookbackDays },
    req.shape
  );
  if (sample.status === 'rejected') {
    history.notes.push(`Recent runs could not be read: ${reason(sample.reason)}`);
  }
  if (metric.status === 'fulfilled' && metric.value) {
    // Metrics see every run in their window, the sample only the latest few: they win unless they saw fewer runs.
    for (const [name, d] of metric.value) {
      const sampled = history.steps.get(name);
      if (!sampled || d.runs >= sampled.runs) {
        history.steps.set(name, d);
      }
    }
    if (Array.from(metric.value.values()).some((d) => d.windowHours !== undefined)) {
      history.notes.push(
        `Tempo refused TraceQL metrics over ${lookbackDays} days (its query_frontend.metrics.max_duration): ` +
          `step times from metrics cover the last ${METRICS_FALLBACK_HOURS} hours.`
      );
    }
  } else if (metric.status === 'rejected') {
    history.notes.push(`TraceQL metrics unavailable, step times come from recent runs: ${reason(metric.reason)}`);
  }
  if (sample.status === 'rejected' && metric.status === 'rejected') {
    throw sample.reason;
  }
  return history;
}
