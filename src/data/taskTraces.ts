import type { DataFrame, TimeRange } from '@grafana/data';
import { buildStepSpansTraceQL, buildTaskSpansTraceQL } from '../query';
import type { ResolvedSettings } from '../settings/types';
import { getTaskerDatasource } from './datasources';
import { DataError, isDataError } from './errors';
import { buildOrThrow } from './invalidQuery';
import { mapBounded } from './pool';
import { runQuery } from './runQuery';
import { parseSearchFrames, type SearchTrace } from './searchFrames';
import { tempoSearchTarget } from './targets';
import { narrowRange } from './timeRange';
import { fetchTraceFrames } from './traceFrames';

export { fetchTraceFrames } from './traceFrames';

export const DEFAULT_TRACE_CONCURRENCY = 4;
/** Step ids per follow-up search, so one TraceQL query stays a reasonable size. */
export const STEP_IDS_PER_QUERY = 25;
/** Follow-up rounds at most: each may reveal task_uuids or step_uuids the previous ones did not carry. */
export const MAX_SEARCH_ROUNDS = 3;
/** Spans per span set in the id searches: the step ids come from these spans. */
export const TASK_SEARCH_SPSS = 100;

export interface FetchTaskFramesOptions {
  signal?: AbortSignal;
  /** Traces fetched at most (defaults to the settings' maxTracesPerTask). */
  maxTraces?: number;
  /** Trace-by-id requests in flight at once. */
  concurrency?: number;
  timeoutMs?: number;
}

export interface TaskFrames {
  frames: DataFrame[];
  /** Traces fetched, in start-time order. */
  traceIds: string[];
  /** More traces matched than maxTraces allowed. */
  truncated: boolean;
  /** Traces the search found but the trace-by-id lookup could not load. */
  failedTraceIds: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/**
 * All traces of one task. Tasker spreads a task over many traces tied only by attributes, so: search by
 * task_uuid OR correlation_id, collect the task_uuids and step_uuids those spans carry, search again by them
 * (result-handling spans carry only step_uuid), then fetch each trace by id, a few at a time, each in a time
 * range narrowed around where the search saw it.
 */
export async function fetchTaskFrames(
  taskId: string,
  range: TimeRange,
  settings: ResolvedSettings,
  options: FetchTaskFramesOptions = {}
): Promise<TaskFrames> {
  const id = taskId.trim();
  const maxTraces = Math.max(1, Math.floor(options.maxTraces ?? settings.maxTracesPerTask));
  const ds = await getTaskerDatasource('tempo', settings);
  const search = async (query: string) => {
    const frames = await runQuery(ds, [tempoSearchTarget(query, maxTraces + 1, TASK_SEARCH_SPSS)], range, {
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      action: 'Tempo search for the task',
    });
    return parseSearchFrames(frames, settings.query);
  };

  const traces = new Map<string, SearchTrace>();
  const seenTasks = new Set<string>([id.toLowerCase()]);
  const seenCorrelations = new Set<string>([id.toLowerCase()]);
  const seenSteps = new Set<string>();
  let newCorrelations = new Set<string>();
  const addResult = (result: ReturnType<typeof parseSearchFrames>, newTasks: Set<string>, newSteps: Set<string>) => {
    for (const t of result.traces) {
      const prev = traces.get(t.traceId);
      if (!prev || (t.startMs !== undefined && (prev.startMs === undefined || t.startMs < prev.startMs))) {
        traces.set(t.traceId, { ...prev, ...t });
      }
    }
    for (const s of result.spans) {
      if (!traces.has(s.traceId)) {
        traces.set(s.traceId, { traceId: s.traceId, startMs: s.startMs, durationMs: s.durationMs });
      }
      if (s.taskUuid && UUID.test(s.taskUuid) && !seenTasks.has(s.taskUuid.toLowerCase())) {
        seenTasks.add(s.taskUuid.toLowerCase());
        newTasks.add(s.taskUuid);
      }
      // A task opened by its task_uuid learns its correlation_id from a span that carries both (finalize_task), and
      // then finds the creation trace and the worker spans, which carry only the correlation_id. Only ids paired
      // with a known task_uuid: several worker spans carry a fresh random correlation_id that leads nowhere.
      const correlation = s.correlationId?.toLowerCase();
      if (correlation && UUID.test(correlation) && s.taskUuid && seenTasks.has(s.taskUuid.toLowerCase())) {
        if (!seenCorrelations.has(correlation)) {
          seenCorrelations.add(correlation);
          newCorrelations.add(correlation);
        }
      }
      // Ids that are not UUIDs cannot be searched for (and would make the query builder refuse the batch).
      if (s.stepUuid && UUID.test(s.stepUuid) && !seenSteps.has(s.stepUuid)) {
        seenSteps.add(s.stepUuid);
        newSteps.add(s.stepUuid);
      }
    }
  };

  let newTasks = new Set<string>();
  let newSteps = new Set<string>();
  const first = buildOrThrow(() => buildTaskSpansTraceQL(id, settings.query), 'TraceQL search for the task');
  addResult(await search(first), newTasks, newSteps);

  const pending = () => newTasks.size > 0 || newSteps.size > 0 || newCorrelations.size > 0;
  for (let round = 1; round < MAX_SEARCH_ROUNDS && pending(); round++) {
    const queries: string[] = [];
    for (const taskUuid of newTasks) {
      queries.push(buildOrThrow(() => buildTaskSpansTraceQL({ taskUuid }, settings.query), 'TraceQL search'));
    }
    for (const correlationId of newCorrelations) {
      queries.push(buildOrThrow(() => buildTaskSpansTraceQL({ correlationId }, settings.query), 'TraceQL search'));
    }
    for (const stepUuids of chunk([...newSteps], STEP_IDS_PER_QUERY)) {
      queries.push(buildOrThrow(() => buildStepSpansTraceQL(stepUuids, settings.query), 'TraceQL search'));
    }
    newTasks = new Set();
    newSteps = new Set();
    newCorrelations = new Set();
    for (const q of queries) {
      addResult(await search(q), newTasks, newSteps);
    }
  }

  if (traces.size === 0) {
    throw new DataError(
      'empty',
      `No spans found for task ${id}`,
      'Check the id (a correlation_id or task_uuid), widen the time range, or wait a minute for recent spans to be ingested.'
    );
  }

  const ordered = [...traces.values()].sort(
    (a, b) => (a.startMs ?? Infinity) - (b.startMs ?? Infinity) || (a.traceId < b.traceId ? -1 : 1)
  );
  const truncated = ordered.length > maxTraces;
  const wanted = ordered.slice(0, maxTraces);
  const results = await mapBounded(
    wanted,
    options.concurrency ?? DEFAULT_TRACE_CONCURRENCY,
    (t) =>
      fetchTraceFrames(
        t.traceId,
        narrowRange(range, t.startMs, t.startMs === undefined ? undefined : t.startMs + (t.durationMs ?? 0)),
        settings,
        { signal: options.signal, timeoutMs: options.timeoutMs, datasource: ds }
      ),
    options.signal
  );

  const frames: DataFrame[] = [];
  const traceIds: string[] = [];
  const failedTraceIds: string[] = [];
  let firstError: unknown;
  results.forEach((r, i) => {
    if (r.ok && r.value) {
      frames.push(...r.value);
      traceIds.push(wanted[i].traceId);
    } else {
      failedTraceIds.push(wanted[i].traceId);
      firstError ??= r.error;
    }
  });
  if (frames.length === 0) {
    throw isDataError(firstError)
      ? firstError
      : new DataError('unknown', `None of the ${wanted.length} traces of task ${id} could be loaded`, 'Retry.');
  }
  return { frames, traceIds, truncated, failedTraceIds };
}
