import type { TimeRange } from '@grafana/data';
import { buildTaskFollowUpTraceQL, buildTaskSpansTraceQL } from '../query';
import type { ResolvedSettings } from '../settings/types';
import { getTaskerDatasource } from './datasources';
import { DataError } from './errors';
import { buildOrThrow } from './invalidQuery';
import { runQuery } from './runQuery';
import { parseSearchFrames } from './searchFrames';
import { tempoSearchTarget } from './targets';
import { MAX_SEARCH_ROUNDS, STEP_IDS_PER_QUERY, TASK_SEARCH_SPSS } from './taskTraces';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

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
  const tasks = new Set([id]);
  const correlations = new Set([id]);
  const steps = new Set<string>();
  let next = { taskUuids: [] as string[], correlationIds: [] as string[], stepUuids: [] as string[] };
  const add = (result: ReturnType<typeof parseSearchFrames>) => {
    const seenTrace = (traceId: string, startMs?: number) =>
      starts.set(traceId, Math.min(starts.get(traceId) ?? Infinity, startMs ?? Infinity));
    result.traces.forEach((t) => seenTrace(t.traceId, t.startMs));
    for (const s of result.spans) {
      seenTrace(s.traceId, s.startMs);
      const task = s.taskUuid?.toLowerCase();
      if (task && UUID.test(task) && !tasks.has(task)) {
        tasks.add(task);
        next.taskUuids.push(task);
      }
      const correlation = s.correlationId?.toLowerCase();
      if (correlation && UUID.test(correlation) && task && tasks.has(task) && !correlations.has(correlation)) {
        correlations.add(correlation);
        next.correlationIds.push(correlation);
      }
      const step = s.stepUuid?.toLowerCase();
      if (step && UUID.test(step) && !steps.has(step)) {
        steps.add(step);
        next.stepUuids.push(step);
      }
    }
  };

  add(await search(first));
  for (let round = 1; round < MAX_SEARCH_ROUNDS; round++) {
    const ids = next;
    if (ids.taskUuids.length + ids.correlationIds.length + ids.stepUuids.length === 0) {
      break;
    }
    next = { taskUuids: [], correlationIds: [], stepUuids: [] };
    const stepChunks: string[][] = [];
    for (let i = 0; i < ids.stepUuids.length; i += STEP_IDS_PER_QUERY) {
      stepChunks.push(ids.stepUuids.slice(i, i + STEP_IDS_PER_QUERY));
    }
    const queries = (stepChunks.length > 0 ? stepChunks : [[]]).map((stepUuids, i) =>
      buildOrThrow(
        () => buildTaskFollowUpTraceQL(i === 0 ? { ...ids, stepUuids } : { stepUuids }, settings.query),
        'TraceQL search'
      )
    );
    (await Promise.all(queries.map(search))).forEach(add);
  }
  if (starts.size === 0) {
    throw new DataError('empty', `No spans found for task ${id}`, 'Check the id, or widen the time range.');
  }
  return {
    traceIds: [...starts.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t),
    taskUuids: [...tasks],
    correlationIds: [...correlations],
    stepUuids: [...steps],
  };
}
