import type { TimeRange } from '@grafana/data';
import {
  buildLogQL,
  buildSpanLogsLogQL,
  buildStepLogsLogQL,
  buildTaskLogsLogQL,
  buildTraceLogsLogQL,
  type StepLogIds,
  type TaskLogIds,
} from '../query';
import type { TaskFilter } from '../query/types';
import type { ResolvedSettings } from '../settings/types';
import { getTaskerDatasource } from './datasources';
import { isDataError } from './errors';
import { buildOrThrow } from './invalidQuery';
import { parseLogFrames } from './logFrames';
import type { LogRow } from './logRow';
import { mergeLogRows } from './mergeLogRows';
import { runQuery } from './runQuery';
import type { LokiTarget } from './targets';
import { searchTaskTraces } from './taskTraceSearch';

export type { LogRow } from './logRow';
export type { StepLogIds, TaskLogIds } from '../query';

export const DEFAULT_LOG_LIMIT = 500;
/** Ids of each kind asked for at most for one task (a few queries' worth); the panel says when there were more. */
export const MAX_TASK_LOG_IDS = 200;

/** A task's ids cut to what one search asks for, and how many were left out. */
export function capTaskLogIds(ids: TaskLogIds): { ids: TaskLogIds; leftOut: number } {
  let leftOut = 0;
  const cap = (list: readonly string[] | undefined) => {
    leftOut += Math.max(0, (list?.length ?? 0) - MAX_TASK_LOG_IDS);
    return list?.slice(0, MAX_TASK_LOG_IDS);
  };
  return {
    ids: {
      correlationIds: cap(ids.correlationIds),
      taskUuids: cap(ids.taskUuids),
      stepUuids: cap(ids.stepUuids),
      traceIds: cap(ids.traceIds),
    },
    leftOut,
  };
}

/**
 * What to read logs for: a filter, one task (by its traces and ids), one step (its spans and step_uuid), a trace,
 * or one span.
 */
export type LogTarget =
  { filter: TaskFilter } | { task: TaskLogIds } | { step: StepLogIds } | { traceId: string; spanId?: string };

export interface QueryLogsOptions {
  signal?: AbortSignal;
  limit?: number;
  timeoutMs?: number;
}

/** The LogQL a log target stands for: one query, or several whose lines are merged (exported for previews). */
export function logQLFor(target: LogTarget, settings: ResolvedSettings): string[] {
  const build = (fn: () => string | string[]) => {
    const q = buildOrThrow(fn, 'LogQL query');
    return Array.isArray(q) ? q : [q];
  };
  if ('filter' in target) {
    return build(() => buildLogQL(target.filter, settings.query));
  }
  if ('task' in target) {
    return build(() => buildTaskLogsLogQL(capTaskLogIds(target.task).ids, settings.query));
  }
  if ('step' in target) {
    return build(() => buildStepLogsLogQL(target.step, settings.query));
  }
  const { traceId, spanId } = target;
  return spanId
    ? build(() => buildSpanLogsLogQL(traceId, spanId, settings.query))
    : build(() => buildTraceLogsLogQL(traceId, settings.query));
}

/** Runs LogQL queries in one request and merges their lines: de-duplicated, newest first, at most `limit`. */
async function runLogQueries(
  exprs: readonly string[],
  range: TimeRange,
  settings: ResolvedSettings,
  options: QueryLogsOptions
): Promise<LogRow[]> {
  const ds = await getTaskerDatasource('loki', settings);
  const maxLines = Math.max(1, Math.floor(options.limit ?? DEFAULT_LOG_LIMIT));
  const targets: LokiTarget[] = exprs.map((expr, i) => ({
    refId: refIdOf(i),
    expr,
    queryType: 'range',
    maxLines,
    direction: 'backward',
  }));
  const frames = await runQuery(ds, targets, range, {
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    action: 'Loki query',
  });
  const rows = parseLogFrames(frames, settings.query);
  return exprs.length === 1 ? rows : mergeLogRows(rows, maxLines);
}

/** A, B, …, Z, AA, AB, … */
function refIdOf(i: number): string {
  const letter = String.fromCharCode(65 + (i % 26));
  return i < 26 ? letter : refIdOf(Math.floor(i / 26) - 1) + letter;
}

/** Log lines from Loki for a filter, a task, a step, a trace, or one span; newest first. */
export async function queryLogs(
  target: LogTarget,
  range: TimeRange,
  settings: ResolvedSettings,
  options: QueryLogsOptions = {}
): Promise<LogRow[]> {
  return runLogQueries(logQLFor(target, settings), range, settings, options);
}

/** What the Logs page found: the lines, and the task they were widened to when the filter names one by id. */
export interface FilterLogs {
  rows: LogRow[];
  /** Set when the filter names a task by id: its ids and traces, whose lines were asked for too. */
  task?: TaskLogIds;
}

/** The task ids of a filter's task (correlation_id / task_uuid), widened by what Tempo's search finds for it. */
async function taskOfFilter(
  filter: TaskFilter,
  range: TimeRange,
  settings: ResolvedSettings,
  options: QueryLogsOptions
): Promise<TaskLogIds | undefined> {
  const given = [filter.correlationId, filter.taskUuid].filter((v): v is string => !!v && v.trim() !== '');
  if (given.length === 0) {
    return undefined;
  }
  // Checks the ids first: a typo is a clear input error, not a Tempo search.
  buildOrThrow(() => buildLogQL(filter, settings.query), 'LogQL query');
  try {
    const found = await searchTaskTraces(given[0], range, settings, {
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      maxTraces: MAX_TASK_LOG_IDS,
    });
    // The search started from the id without knowing its kind; the filter knows it.
    const known = (own: string | undefined, other: string | undefined, foundIds: string[]) => {
      const not = other?.trim().toLowerCase();
      const ids = [own?.trim().toLowerCase(), ...foundIds].filter((v): v is string => !!v && v !== not);
      return [...new Set(ids)];
    };
    return {
      correlationIds: known(filter.correlationId, filter.taskUuid, found.correlationIds),
      taskUuids: known(filter.taskUuid, filter.correlationId, found.taskUuids),
      stepUuids: found.stepUuids,
      traceIds: found.traceIds,
    };
  } catch (e) {
    // No spans in Tempo (or Tempo not answering): the lines that carry the ids are still worth showing.
    if (isDataError(e) && e.kind !== 'cancelled') {
      return {
        correlationIds: filter.correlationId ? [filter.correlationId] : [],
        taskUuids: filter.taskUuid ? [filter.taskUuid] : [],
      };
    }
    throw e;
  }
}

/**
 * The Logs page's search: lines that match the filter; when the filter names a task by correlation_id or task_uuid,
 * also the lines that carry only one of its traces (tasker-core's OTLP logs name no task, only the span's trace).
 */
export async function queryFilterLogs(
  filter: TaskFilter,
  range: TimeRange,
  settings: ResolvedSettings,
  options: QueryLogsOptions = {}
): Promise<FilterLogs> {
  const task = await taskOfFilter(filter, range, settings, options);
  if (!task) {
    return { rows: await queryLogs({ filter }, range, settings, options) };
  }
  const exprs = buildOrThrow(() => buildTaskLogsLogQL(capTaskLogIds(task).ids, settings.query, filter), 'LogQL query');
  const rows = await runLogQueries(exprs, range, settings, options);
  return { rows, task };
}
