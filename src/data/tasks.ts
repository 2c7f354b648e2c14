import type { TimeRange } from '@grafana/data';
import { buildTaskListTraceQL, parseDurationNs } from '../query';
import type { TaskFilter } from '../query/types';
import type { ResolvedSettings } from '../settings/types';
import { getTaskerDatasource } from './datasources';
import { groupTasks } from './groupTasks';
import { buildOrThrow } from './invalidQuery';
import { runQuery } from './runQuery';
import { parseSearchFrames } from './searchFrames';
import type { TaskRow } from './taskRow';
import { tempoSearchTarget } from './targets';

export type { TaskRow } from './taskRow';

/** A task spans about nine traces today (orchestration and workers apart): ask Tempo for that many per task. */
export const TRACES_PER_TASK_GUESS = 10;
export const MAX_SEARCH_TRACES = 2000;
/** Spans per span set: enough to see each trace's ids and status without pulling whole traces. */
export const SEARCH_SPSS = 50;

export interface SearchTasksOptions {
  signal?: AbortSignal;
  /** Tasks to return at most (defaults to the settings' searchLimit). */
  limit?: number;
  timeoutMs?: number;
}

/** Searches Tempo for the filter and returns one row per task (not per trace), newest first. */
export async function searchTasks(
  filter: TaskFilter,
  range: TimeRange,
  settings: ResolvedSettings,
  options: SearchTasksOptions = {}
): Promise<TaskRow[]> {
  const limit = Math.max(1, Math.floor(options.limit ?? settings.searchLimit));
  const query = buildOrThrow(() => buildTaskListTraceQL(filter, settings.query), 'TraceQL search');
  const ds = await getTaskerDatasource('tempo', settings);
  const traceLimit = Math.min(limit * TRACES_PER_TASK_GUESS, MAX_SEARCH_TRACES);
  const frames = await runQuery(ds, [tempoSearchTarget(query, traceLimit, SEARCH_SPSS)], range, {
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    action: 'Tempo search',
  });
  const parsed = parseSearchFrames(frames, settings.query);
  const rows = groupTasks(parsed.spans, parsed.traces, settings.phaseRules);
  return rows.filter(taskDurationFilter(filter)).slice(0, limit);
}

/**
 * TraceQL's duration bounds apply to single spans; on the task list a user means the task's duration, so the
 * grouped rows are held to the same bounds (a task longer than maxDuration is dropped even if its spans are short).
 */
export function taskDurationFilter(filter: TaskFilter): (row: TaskRow) => boolean {
  const ms = (text: string | undefined) => {
    const ns = text === undefined ? undefined : parseDurationNs(text);
    return ns === undefined ? undefined : Number(ns) / 1e6;
  };
  const min = ms(filter.minDuration);
  const max = ms(filter.maxDuration);
  return (row) => (min === undefined || row.durationMs >= min) && (max === undefined || row.durationMs <= max);
}
