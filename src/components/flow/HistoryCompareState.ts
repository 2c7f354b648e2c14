import { useEffect, useMemo, useState } from 'react';
import { fetchTaskHistory } from '../../data/history';
import { toDataError, type DataError } from '../../data/errors';
import type { TaskFlow } from '../../flow/types';
import { compareWithHistory } from '../../history/compare';
import { runShape, stepExecutionSpanNames } from '../../history/runFigures';
import type { HistoryComparison, TaskHistory } from '../../history/types';
import { isUuid } from '../../query/ids';
import type { ResolvedSettings } from '../../settings/types';
import { formatMs } from './format';

export type HistoryCompareState =
  | { status: 'unavailable'; reason: string }
  | { status: 'loading' }
  | { status: 'error'; error: DataError }
  | { status: 'done'; history: TaskHistory; comparison: HistoryComparison };

/**
 * The task's history and this run against it. Starts after the flow is drawn (an effect runs after paint), so it
 * never delays the flow; a new flow starts over, and a page left meanwhile ignores the answer.
 */
export function useHistoryComparison(
  flow: TaskFlow,
  /** 'file': spans from a task file, with no history to compare with. */
  mode: 'task' | 'trace' | 'file',
  settings: ResolvedSettings,
  /** The task's traces are still arriving: compare once they are all in (each new flow would ask again). */
  waiting = false
): HistoryCompareState {
  const request = useMemo(() => {
    if (waiting || mode !== 'task' || !flow.namespace) {
      return undefined;
    }
    return {
      namespace: flow.namespace,
      taskName: flow.taskName,
      stepSpanNames: stepExecutionSpanNames(flow),
      excludeIds: [flow.taskUuid, flow.correlationId].filter((x): x is string => Boolean(x)),
      shape: runShape(flow),
      taskUuid: flow.taskUuid && isUuid(flow.taskUuid) ? flow.taskUuid : undefined,
    };
  }, [flow, mode, waiting]);
  const [result, setResult] = useState<{ flow: TaskFlow; state: HistoryCompareState } | undefined>();

  useEffect(() => {
    if (!request) {
      return;
    }
    let live = true;
    fetchTaskHistory(request, settings).then(
      (history) => {
        if (live) {
          const comparison = compareWithHistory(flow, history, { formatMs: (ms) => formatMs(ms) });
          setResult({ flow, state: { status: 'done', history, comparison } });
        }
      },
      (e: unknown) => {
        if (live) {
          setResult({
            flow,
            state: { status: 'error', error: toDataError(e, { action: 'Loading the task history' }) },
          });
        }
      }
    );
    return () => {
      live = false;
    };
  }, [request, flow, settings]);

  if (waiting) {
    return { status: 'loading' };
  }
  if (!request) {
    return {
      status: 'unavailable',
      reason:
        mode === 'trace'
          ? 'A single trace is not compared with history; open the task to compare it.'
          : mode === 'file'
            ? 'A task from a file is not compared with history.'
            : 'The task carries no namespace, so there is no history to compare it with.',
    };
  }
  return result && result.flow === flow ? result.state : { status: 'loading' };
}
