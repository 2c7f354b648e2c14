import type { DataSourceApi, TimeRange } from '@grafana/data';
import { buildTaskListByIdsTraceQL, buildTaskListTraceQL, parseDurationNs } from '../query';
import type { TaskFilter } from '../query/types';
import type { ResolvedSettings } from '../settings/types';
import { getTaskerDatasource } from './datasources';
import { groupTasks } from './groupTasks';
import { buildOrThrow } from './invalidQuery';
import { runQuery } from './runQuery';
import { parseSearchFrames, type ParsedSearch } from './searchFrames';
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
  // Checks every field, the duration bounds included (a malformed one, a minimum above the maximum)...
  buildOrThrow(() => buildTaskListTraceQL(filter, settings.query), 'TraceQL search');
  // ...but asks Tempo without the minimum: TraceQL's `duration >=` holds single spans to it, and a long task is
  // often made of short spans (it would vanish). The grouped tasks are held to it below. The maximum stays: every
  // span of a task within it is within it too.
  const query = buildOrThrow(
    () => buildTaskListTraceQL({ ...filter, minDuration: undefined }, settings.query),
    'TraceQL search'
  );
  const ds = await getTaskerDatasource('tempo', settings);
  const traceLimit = Math.min(limit * TRACES_PER_TASK_GUESS, MAX_SEARCH_TRACES);
  const frames = await runQuery(ds, [tempoSearchTarget(query, traceLimit, SEARCH_SPSS)], range, {
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    action: 'Tempo search',
  });
  const parsed = parseSearchFrames(frames, settings.query);
  const rows = groupTasks(parsed.spans, parsed.traces, settings.phaseRules).slice(0, limit);
  const completed = await completeRows(rows, parsed, { ds, range, settings, options });
  return completed.filter(taskDurationFilter(filter));
}

/** Ids per follow-up search, so one TraceQL query stays a reasonable size. */
export const IDS_PER_FOLLOW_UP = 25;
/** Follow-up rounds: task_uuid → correlation_id (finalize_task carries both) → task name (the creation span). */
export const FOLLOW_UP_ROUNDS = 2;

interface FollowUpContext {
  ds: DataSourceApi;
  range: TimeRange;
  settings: ResolvedSettings;
  options: SearchTasksOptions;
}

const incomplete = (row: TaskRow) => !row.taskUuid || !row.correlationId || !row.taskName;

/**
 * A search by namespace or name sees only the spans that carry those attributes (in tasker-core, one enqueue span
 * per pass), so its rows lack the correlation_id, the task name and the finalization. Ask again by the ids found,
 * regroup, and keep the same tasks in the same order. A failed follow-up keeps the rows as they were.
 */
async function completeRows(rows: TaskRow[], first: ParsedSearch, ctx: FollowUpContext): Promise<TaskRow[]> {
  const spans = [...first.spans];
  const traces = [...first.traces];
  const asked = new Set<string>();
  let current = rows;
  for (let round = 0; round < FOLLOW_UP_ROUNDS; round++) {
    const taskUuids: string[] = [];
    const correlationIds: string[] = [];
    for (const row of current.filter(incomplete)) {
      for (const [id, list] of [
        [row.taskUuid, taskUuids],
        [row.correlationId, correlationIds],
      ] as const) {
        if (id && !asked.has(id)) {
          asked.add(id);
          list.push(id);
        }
      }
    }
    if (taskUuids.length + correlationIds.length === 0) {
      break;
    }
    try {
      for (let i = 0; i < Math.max(taskUuids.length, correlationIds.length); i += IDS_PER_FOLLOW_UP) {
        const ids = {
          taskUuids: taskUuids.slice(i, i + IDS_PER_FOLLOW_UP),
          correlationIds: correlationIds.slice(i, i + IDS_PER_FOLLOW_UP),
        };
        const query = buildOrThrow(() => buildTaskListByIdsTraceQL(ids, ctx.settings.query), 'TraceQL search');
        const frames = await runQuery(
          ctx.ds,
          [
            tempoSearchTarget(
              query,
              (ids.taskUuids.length + ids.correlationIds.length) * TRACES_PER_TASK_GUESS,
              SEARCH_SPSS
            ),
          ],
          ctx.range,
          { signal: ctx.options.signal, timeoutMs: ctx.options.timeoutMs, action: 'Tempo search' }
        );
        const more = parseSearchFrames(frames, ctx.settings.query);
        spans.push(...more.spans);
        traces.push(...more.traces);
      }
    } catch (e) {
      if (ctx.options.signal?.aborted) {
        throw e;
      }
      return current;
    }
    current = sameTasks(rows, groupTasks(spans, traces, ctx.settings.phaseRules));
  }
  return current;
}

/** The regrouped row of each original task, in the original order; tasks that turned out to be one appear once. */
function sameTasks(original: TaskRow[], regrouped: TaskRow[]): TaskRow[] {
  const byId = new Map<string, TaskRow>();
  for (const row of regrouped) {
    for (const id of [row.taskUuid, row.correlationId]) {
      if (id && !byId.has(id)) {
        byId.set(id, row);
      }
    }
  }
  const out: TaskRow[] = [];
  const seen = new Set<TaskRow>();
  for (const row of original) {
    const found = (row.taskUuid && byId.get(row.taskUuid)) || (row.correlationId && byId.get(row.correlationId)) || row;
    if (!seen.has(found)) {
      seen.add(found);
      out.push(found);
    }
  }
  return out;
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
