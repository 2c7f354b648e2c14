import type { DataFrame, TimeRange } from '@grafana/data';
import { buildTaskSpansTraceQL } from '../query';
import { DEFAULT_TRACE_CONCURRENCY } from '../settings/defaults';
import type { ResolvedSettings } from '../settings/types';
import { datasourceUid, getTaskerDatasource } from './datasources';
import { DataError, cancelled, isDataError } from './errors';
import { buildOrThrow } from './invalidQuery';
import { runQuery } from './runQuery';
import { parseSearchFrames, type SearchTrace } from './searchFrames';
import { tempoSearchTarget } from './targets';
import type { TaskMemory, TraceCache } from './traceCache';
import { traceLookupRange } from './timeRange';
import { fetchTraceFrames } from './traceFrames';
import { followUpQueries, noNewTaskIds, TaskIdFollower, type NewTaskIds } from './taskIdFollower';

export { fetchTraceFrames } from './traceFrames';

export { DEFAULT_TRACE_CONCURRENCY } from '../settings/defaults';
/** Follow-up rounds at most: each may reveal task_uuids or step_uuids the previous ones did not carry. */
export const MAX_SEARCH_ROUNDS = 3;
/** Spans per span set in the id searches: the step ids come from these spans. */
export const TASK_SEARCH_SPSS = 100;

export interface FetchTaskFramesOptions {
  signal?: AbortSignal;
  /** Traces fetched at most (defaults to the settings' maxTracesPerTask). */
  maxTraces?: number;
  /** Trace-by-id requests in flight at once (defaults to the settings' traceConcurrency). */
  concurrency?: number;
  timeoutMs?: number;
  /** Traces found here are not fetched again (unless `fresh`); traces fetched are put here. */
  cache?: TraceCache;
  /** Fetch every trace again (Refresh, Retry), still filling the cache. */
  fresh?: boolean;
  /** Where the task's trace ids are remembered once it is loaded (see cachedTaskFrames). */
  memory?: TaskMemory;
  /** Called each time a trace arrives (or fails) while others are still on their way. */
  onProgress?: (progress: TaskFramesProgress) => void;
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

/** The task so far: the traces in hand, and how many are known to be wanted (it may grow while searches run). */
export interface TaskFramesProgress extends TaskFrames {
  loaded: number;
  expected: number;
}

const byStart = (a: SearchTrace, b: SearchTrace) =>
  (a.startMs ?? Infinity) - (b.startMs ?? Infinity) || (a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0);

/**
 * All traces of one task. Tasker spreads a task over many traces tied only by attributes, so: search by
 * task_uuid OR correlation_id, collect the task_uuids, correlation_ids and step_uuids those spans carry, search again
 * by them in one query (result-handling spans carry only step_uuid), and fetch each trace by id, in a time range
 * narrowed around where the search saw it.
 *
 * Round trips decide how long a task takes to open, so traces are fetched as soon as a search names them (earliest
 * first, while the next search runs), the follow-up ids of a round go in one query, and `onProgress` hands over the
 * traces in hand as they arrive.
 */
export async function fetchTaskFrames(
  taskId: string,
  range: TimeRange,
  settings: ResolvedSettings,
  options: FetchTaskFramesOptions = {}
): Promise<TaskFrames> {
  const id = taskId.trim();
  const maxTraces = Math.max(1, Math.floor(options.maxTraces ?? settings.maxTracesPerTask));
  const concurrency = Math.max(
    1,
    Math.floor(options.concurrency ?? settings.traceConcurrency ?? DEFAULT_TRACE_CONCURRENCY) || 1
  );
  const first = buildOrThrow(() => buildTaskSpansTraceQL(id, settings.query), 'TraceQL search for the task');
  const ds = await getTaskerDatasource('tempo', settings);
  const cacheUid = datasourceUid('tempo', settings);
  // Our own signal: a failed search stops the trace lookups already started, not only the caller's abort.
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort);
  const signal = stop.signal;
  const search = async (query: string) => {
    const frames = await runQuery(ds, [tempoSearchTarget(query, maxTraces + 1, TASK_SEARCH_SPSS)], range, {
      signal,
      timeoutMs: options.timeoutMs,
      action: 'Tempo search for the task',
    });
    return parseSearchFrames(frames, settings.query);
  };

  const traces = new Map<string, SearchTrace>();
  const follower = new TaskIdFollower(id);
  const addResult = (result: ReturnType<typeof parseSearchFrames>, next: NewTaskIds) => {
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
      follower.follow(s, next);
    }
  };

  // Trace lookups, started while the searches still run.
  const loaded = new Map<string, DataFrame[]>();
  const failed = new Map<string, unknown>();
  const started = new Set<string>();
  let inFlight = 0;
  let searching = true;
  let settle: () => void = () => {};
  const allLoaded = new Promise<void>((resolve) => (settle = resolve));

  const result = (): TaskFrames => {
    const done = [...traces.values()].filter((t) => loaded.has(t.traceId)).sort(byStart);
    return {
      frames: done.flatMap((t) => loaded.get(t.traceId)!),
      traceIds: done.map((t) => t.traceId),
      truncated: traces.size > maxTraces,
      failedTraceIds: [...failed.keys()],
    };
  };
  const report = () => {
    if (options.onProgress && !signal.aborted && (searching || inFlight > 0)) {
      options.onProgress({ ...result(), loaded: loaded.size, expected: Math.min(traces.size, maxTraces) });
    }
  };
  /** The earliest trace not started yet, or none while the searches may still change which traces make the cut. */
  const nextTrace = (): SearchTrace | undefined => {
    if (started.size >= maxTraces || (searching && traces.size > maxTraces)) {
      return undefined;
    }
    let best: SearchTrace | undefined;
    for (const t of traces.values()) {
      if (!started.has(t.traceId) && (!best || byStart(t, best) < 0)) {
        best = t;
      }
    }
    return best;
  };
  const pump = () => {
    for (let t = nextTrace(); t && !signal.aborted; t = nextTrace()) {
      const trace = t;
      started.add(trace.traceId);
      const cached = options.fresh ? undefined : options.cache?.get(cacheUid, trace.traceId);
      if (cached) {
        loaded.set(trace.traceId, cached);
        continue;
      }
      if (inFlight >= concurrency) {
        started.delete(trace.traceId);
        break;
      }
      inFlight++;
      const end = trace.startMs === undefined ? undefined : trace.startMs + (trace.durationMs ?? 0);
      fetchTraceFrames(trace.traceId, traceLookupRange(ds, range, trace.startMs, end), settings, {
        signal,
        timeoutMs: options.timeoutMs,
        datasource: ds,
      })
        .then(
          (frames) => {
            loaded.set(trace.traceId, frames);
            options.cache?.set(cacheUid, trace.traceId, frames);
          },
          (error: unknown) => failed.set(trace.traceId, error)
        )
        .finally(() => {
          inFlight--;
          pump();
          report();
        });
    }
    if (!searching && inFlight === 0) {
      settle();
    }
  };

  try {
    let next = noNewTaskIds();
    addResult(await search(first), next);
    for (let round = 1; round < MAX_SEARCH_ROUNDS; round++) {
      const ids = next;
      if (ids.tasks.size + ids.correlations.size + ids.steps.size === 0) {
        break;
      }
      const queries = followUpQueries(ids, settings.query);
      next = noNewTaskIds();
      // The search first, then the lookups of the traces known so far: the browser serves requests to one host
      // in the order they were made, 6 at a time, and the search holds up everything the task has yet to find.
      const answers = Promise.all(queries.map(search));
      pump();
      const found = await answers;
      found.forEach((r) => addResult(r, next));
    }
    searching = false;
    if (traces.size === 0) {
      throw new DataError(
        'empty',
        `No spans found for task ${id}`,
        'Check the id (a correlation_id or task_uuid), widen the time range, or wait a minute for recent spans to be ingested.'
      );
    }
    pump();
    await new Promise<void>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(cancelled('Loading the traces')));
      allLoaded.then(resolve);
    });
  } catch (e) {
    stop.abort();
    throw e;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }

  const out = result();
  if (out.frames.length === 0) {
    const firstError = failed.values().next().value;
    throw isDataError(firstError)
      ? firstError
      : new DataError('unknown', `None of the ${started.size} traces of task ${id} could be loaded`, 'Retry.');
  }
  // A complete task only: a partial one shown at once would look complete.
  if (out.failedTraceIds.length === 0 && !out.truncated) {
    options.memory?.remember(cacheUid, id, out.traceIds);
  }
  return out;
}

/**
 * The task as it was last loaded, from the caches alone (no request), or undefined when any of its traces is no
 * longer cached. Going back to a task shows this at once while fetchTaskFrames checks for new traces.
 */
export function cachedTaskFrames(
  taskId: string,
  settings: ResolvedSettings,
  cache: TraceCache,
  memory: TaskMemory
): TaskFrames | undefined {
  const uid = datasourceUid('tempo', settings);
  const traceIds = memory.recall(uid, taskId);
  if (!traceIds || traceIds.length === 0) {
    return undefined;
  }
  const frames: DataFrame[] = [];
  for (const traceId of traceIds) {
    const cached = cache.get(uid, traceId);
    if (!cached) {
      return undefined;
    }
    frames.push(...cached);
  }
  return { frames, traceIds, truncated: false, failedTraceIds: [] };
}

/** One trace by id through the cache: fetched (and cached) only when the cache does not hold it, or `fresh`. */
export async function fetchCachedTraceFrames(
  traceId: string,
  range: TimeRange,
  settings: ResolvedSettings,
  options: { signal?: AbortSignal; cache: TraceCache; fresh?: boolean }
): Promise<DataFrame[]> {
  const uid = datasourceUid('tempo', settings);
  const cached = options.fresh ? undefined : options.cache.get(uid, traceId);
  if (cached) {
    return cached;
  }
  const frames = await fetchTraceFrames(traceId, range, settings, { signal: options.signal });
  options.cache.set(uid, traceId, frames);
  return frames;
}
