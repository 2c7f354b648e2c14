import type { TimeRange } from '@grafana/data';
import { buildTaskSpansTraceQL } from '../query';
import type { ResolvedSettings } from '../settings/types';
import { getTaskerDatasource } from './datasources';
import { DataError } from './errors';
import { buildOrThrow } from './invalidQuery';
import { runQuery } from './runQuery';
import { parseSearchFrames } from './searchFrames';
import { tempoSearchTarget } from './targets';
import { MAX_SEARCH_ROUNDS, TASK_SEARCH_SPSS } from './taskTraces';
import { followUpQueries, noNewTaskIds, TaskIdFollower } from './taskIdFollower';

/** What Tempo's search knows of one task: its trace ids (earliest first) and the ids its spans carry. */
export interface TaskTraceSearch {
  traceIds: string[];
  taskUuids: string[];
  correlationIds: string[];
  stepUuids: string[];
}

export interface SearchTaskTracesOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Traces asked for per search. */
  maxTraces: number;
}

/**
 * The trace ids of one task from Tempo's search alone, no trace fetched (for its logs, which carry only trace ids).
 * Follows the ids the way opening the task does (`fetchTaskFrames`): by task_uuid or correlation_id, then the
 * task_uuids, correlation_ids (only those paired with a known task_uuid: worker spans carry random ones) and
 * step_uuids the spans carry. Throws an `empty` DataError when no span matches.
 */
export async function searchTaskTraces(
  taskId: string,
  range: TimeRange,
  settings: ResolvedSettings,
  options: SearchTaskTracesOptions
): Promise<TaskTraceSearch> {
  const id = taskId.trim().toLowerCase();
  const first = buildOrThrow(() => buildTaskSpansTraceQL(id, settings.query), 'TraceQL search for the task');
  const ds = await getTaskerDatasource('tempo', settings);
  const search = async (query: string) =>
    parseSearchFrames(
      await runQuery(ds, [tempoSearchTarget(query, options.maxTraces, TASK_SEARCH_SPSS)], range, {
        signal: options.signal,
        timeoutMs: options.timeoutMs,
        action: 'Tempo search for the task',
      }),
      settings.query
    );

  const starts = new Map<string, number>();
  const follower = new TaskIdFollower(id);
  let next = noNewTaskIds();
  const add = (result: ReturnType<typeof parseSearchFrames>) => {
    const seenTrace = (traceId: string, startMs?: number) =>
      starts.set(traceId, Math.min(starts.get(traceId) ?? Infinity, startMs ?? Infinity));
    result.traces.forEach((t) => seenTrace(t.traceId, t.startMs));
    for (const s of result.spans) {
      seenTrace(s.traceId, s.startMs);
      follower.follow(s, next);
    }
  };

  add(await search(first));
  for (let round = 1; round < MAX_SEARCH_ROUNDS; round++) {
    const ids = next;
    if (ids.tasks.size + ids.correlations.size + ids.steps.size === 0) {
      break;
    }
    next = noNewTaskIds();
    const queries = followUpQueries(ids, settings.query);
    (await Promise.all(queries.map(search))).forEach(add);
  }
  if (starts.size === 0) {
    throw new DataError('empty', `No spans found for task ${id}`, 'Check the id, or widen the time range.');
  }
  return {
    traceIds: [...starts.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t),
    taskUuids: follower.taskUuids,
    correlationIds: follower.correlationIds,
    stepUuids: follower.stepUuids,
  };
}
