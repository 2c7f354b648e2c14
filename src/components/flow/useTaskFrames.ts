import { useEffect, useMemo, useState } from 'react';
import type { DataFrame, TimeRange } from '@grafana/data';
import { datasourceUid } from '../../data/datasources';
import { type DataError, toDataError } from '../../data/errors';
import { cachedTaskFrames, fetchCachedTraceFrames, fetchTaskFrames, type TaskFrames } from '../../data/taskTraces';
import { taskMemory, traceCache } from '../../data/traceCache';
import type { ResolvedSettings } from '../../settings/types';

export type FlowSource = { kind: 'task'; taskId: string } | { kind: 'trace'; traceId: string };

/** Traces of the task in hand, out of those known so far: set while more are on their way. */
export interface TraceProgress {
  loaded: number;
  expected: number;
}

export type TaskFramesState =
  | { status: 'loading' }
  | { status: 'error'; error: DataError }
  | { status: 'done'; frames: DataFrame[]; truncated: boolean; failedTraceIds: string[]; progress?: TraceProgress };

const LOADING: TaskFramesState = { status: 'loading' };

function doneState(r: TaskFrames, progress?: TraceProgress): TaskFramesState {
  return { status: 'done', frames: r.frames, truncated: r.truncated, failedTraceIds: r.failedTraceIds, progress };
}

const sameTraces = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * Loads the frames of a task (all its traces) or of one trace. The flow can show as soon as the first traces are in
 * (`progress` says how many are still coming); traces are cached by id, so going back to a task shows it at once
 * while its searches check for new traces. A new id, range or `attempt` (Retry, Refresh: fetched again, not from
 * the cache) cancels the request in flight; so does leaving the page.
 */
export function useTaskFrames(
  source: FlowSource,
  range: TimeRange,
  settings: ResolvedSettings,
  attempt: number
): TaskFramesState {
  const key = source.kind === 'task' ? source.taskId : source.traceId;
  const kind = source.kind;
  // One object per request: a result is shown only while it answers the current request (no stale flashes).
  const request = useMemo(() => ({ kind, key, range, settings, attempt }), [kind, key, range, settings, attempt]);
  // What the caches already hold for this request, so a revisit renders at once (first render included).
  const cached = useMemo(() => {
    if (request.attempt > 0) {
      return undefined;
    }
    if (request.kind === 'task') {
      const r = cachedTaskFrames(request.key, request.settings, traceCache, taskMemory);
      return r && { traceIds: r.traceIds, state: doneState(r) };
    }
    const frames = traceCache.get(datasourceUid('tempo', request.settings), request.key);
    return (
      frames && {
        traceIds: [request.key],
        state: doneState({ frames, traceIds: [request.key], truncated: false, failedTraceIds: [] }),
      }
    );
  }, [request]);
  const [result, setResult] = useState<{ request: typeof request; state: TaskFramesState } | undefined>();

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    const fresh = request.attempt > 0;
    const show = (state: TaskFramesState) => {
      if (!signal.aborted) {
        setResult({ request, state });
      }
    };
    const load = async (): Promise<TaskFramesState | undefined> => {
      if (request.kind === 'trace') {
        if (cached) {
          return undefined;
        }
        const frames = await fetchCachedTraceFrames(request.key, request.range, request.settings, {
          signal,
          cache: traceCache,
          fresh,
        });
        return { status: 'done', frames, truncated: false, failedTraceIds: [] };
      }
      const r = await fetchTaskFrames(request.key, request.range, request.settings, {
        signal,
        maxTraces: request.settings.maxTracesPerTask,
        cache: traceCache,
        memory: taskMemory,
        fresh,
        // While the cached task is on screen, only a different set of traces is worth a new flow.
        onProgress: cached ? undefined : (p) => show(doneState(p, { loaded: p.loaded, expected: p.expected })),
      });
      return cached && sameTraces(cached.traceIds, r.traceIds) ? undefined : doneState(r);
    };
    load().then(
      (state) => state && show(state),
      (e: unknown) => {
        // A failed check of a task already on screen leaves it there.
        if (!signal.aborted && !cached) {
          const action = request.kind === 'trace' ? 'Loading the trace' : 'Loading the task';
          show({ status: 'error', error: toDataError(e, { action }) });
        }
      }
    );
    return () => controller.abort();
  }, [request, cached]);

  if (result?.request === request) {
    return result.state;
  }
  return cached?.state ?? LOADING;
}
