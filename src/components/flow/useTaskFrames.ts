import { useEffect, useMemo, useState } from 'react';
import type { DataFrame, TimeRange } from '@grafana/data';
import { type DataError, toDataError } from '../../data/errors';
import { fetchTaskFrames, fetchTraceFrames } from '../../data/taskTraces';
import type { ResolvedSettings } from '../../settings/types';

export type FlowSource = { kind: 'task'; taskId: string } | { kind: 'trace'; traceId: string };

export type TaskFramesState =
  | { status: 'loading' }
  | { status: 'error'; error: DataError }
  | { status: 'done'; frames: DataFrame[]; truncated: boolean; failedTraceIds: string[] };

const LOADING: TaskFramesState = { status: 'loading' };

/**
 * Loads the frames of a task (all its traces) or of one trace. A new id, range or `attempt` (Retry) cancels the
 * request in flight; so does leaving the page.
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
  const [result, setResult] = useState<{ request: typeof request; state: TaskFramesState } | undefined>();

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    const load = async (): Promise<TaskFramesState> => {
      if (request.kind === 'trace') {
        const frames = await fetchTraceFrames(request.key, request.range, request.settings, { signal });
        return { status: 'done', frames, truncated: false, failedTraceIds: [] };
      }
      const r = await fetchTaskFrames(request.key, request.range, request.settings, {
        signal,
        maxTraces: request.settings.maxTracesPerTask,
      });
      return { status: 'done', frames: r.frames, truncated: r.truncated, failedTraceIds: r.failedTraceIds };
    };
    load().then(
      (state) => {
        if (!signal.aborted) {
          setResult({ request, state });
        }
      },
      (e: unknown) => {
        if (!signal.aborted) {
          const action = request.kind === 'trace' ? 'Loading the trace' : 'Loading the task';
          setResult({ request, state: { status: 'error', error: toDataError(e, { action }) } });
        }
      }
    );
    return () => controller.abort();
  }, [request]);

  return result?.request === request ? result.state : LOADING;
}
