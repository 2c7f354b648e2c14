import { useEffect, useState } from 'react';
import { type DataError, toDataError } from '../../data/errors';

export type QueryState<T> =
  { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: DataError } | { status: 'done'; data: T };

interface Settled<T> {
  key: string;
  state: QueryState<T>;
}

/**
 * Runs `run` whenever `key` changes (and when `enabled`), aborting the previous run: a stale answer never
 * replaces a newer one, and leaving the page cancels the query. Loading is derived: the last answer belongs to
 * another key.
 */
export function useAbortableQuery<T>(
  key: string,
  enabled: boolean,
  run: (signal: AbortSignal) => Promise<T>,
  action: string
): QueryState<T> {
  const [settled, setSettled] = useState<Settled<T>>();
  useEffect(() => {
    if (!enabled) {
      return;
    }
    const controller = new AbortController();
    run(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) {
          setSettled({ key, state: { status: 'done', data } });
        }
      },
      (e: unknown) => {
        if (!controller.signal.aborted) {
          setSettled({ key, state: { status: 'error', error: toDataError(e, { action }) } });
        }
      }
    );
    return () => controller.abort();
    // `key` stands for everything `run` depends on.
  }, [key, enabled]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!enabled) {
    return { status: 'idle' };
  }
  return settled && settled.key === key ? settled.state : { status: 'loading' };
}
