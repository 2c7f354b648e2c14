import type { DataQuery } from '@grafana/schema';
import {
  CoreApp,
  LoadingState,
  type DataFrame,
  type DataQueryError,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceApi,
  type TimeRange,
} from '@grafana/data';
import { from, isObservable, type Observable, type Subscription } from 'rxjs';
import { queryBackend } from './backendQuery';
import { DataError, cancelled, toDataError } from './errors';
import { isLiveConnected, liveConnection } from './live';
import { searchStreams } from './tempoJsonData';

export const DEFAULT_QUERY_TIMEOUT_MS = 60_000;

export interface RunOptions {
  signal?: AbortSignal;
  /** Gives up (and unsubscribes) after this long; the datasource's own timeout may come first. */
  timeoutMs?: number;
  /** Words for error titles, e.g. "Tempo search". */
  action: string;
  /** Reads a failure as something more specific than toDataError does (e.g. "trace not found"); undefined: no. */
  mapError?: (raw: unknown) => DataError | undefined;
}

let requestCounter = 0;

export function buildRequest<Q extends DataQuery>(targets: Q[], range: TimeRange): DataQueryRequest<Q> {
  requestCounter += 1;
  const spanMs = Math.max(1, range.to.valueOf() - range.from.valueOf());
  const intervalMs = Math.max(1000, Math.round(spanMs / 1000));
  return {
    requestId: `tasker-${requestCounter}`,
    interval: `${Math.round(intervalMs / 1000)}s`,
    intervalMs,
    maxDataPoints: 1000,
    range,
    rangeRaw: range.raw,
    scopedVars: {},
    targets,
    timezone: 'browser',
    app: CoreApp.Unknown,
    startTime: Date.now(),
  };
}

function responseError(res: DataQueryResponse): DataQueryError | undefined {
  return res.error ?? res.errors?.[0];
}

/** A Tempo target that is a search, not a trace id (only searches stream). */
function isSearch(target: DataQuery): boolean {
  const query = (target as { query?: unknown }).query;
  return typeof query === 'string' && !/^[0-9a-f]*$/i.test(query.trim());
}

/**
 * Runs targets through `ds.query()` (an Observable in Grafana, a Promise in some datasources) and resolves with the
 * frames of the final response. Streaming datasources emit partial responses: the last one before Done wins.
 * Aborting the signal unsubscribes, which cancels the HTTP request in Grafana.
 *
 * No dependence on Grafana Live: a Tempo datasource with search streaming on sends searches over Live's websocket,
 * which a proxy may block (the search would then hang until the timeout). When Live is not connected, or drops
 * while a search streams, the search goes to Grafana's query API instead (`POST /api/ds/query`, one HTTP answer).
 */
export function runQuery<Q extends DataQuery>(
  ds: DataSourceApi,
  targets: Q[],
  range: TimeRange,
  options: RunOptions
): Promise<DataFrame[]> {
  const { signal, action } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  const context = { action, datasource: ds.name ?? ds.uid };
  const toError = (raw: unknown) => options.mapError?.(raw) ?? toDataError(raw, context);
  return new Promise<DataFrame[]>((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelled(action));
      return;
    }
    let subscription: Subscription | undefined;
    let liveWatch: Subscription | undefined;
    let settled = false;
    let last: DataQueryResponse | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const finish = (fn: () => void) => {
      if (settled) {
        return;
      }
      settled = true;
      if (timer !== undefined) {
        clearTimeout(timer);
      }
      signal?.removeEventListener('abort', onAbort);
      subscription?.unsubscribe();
      liveWatch?.unsubscribe();
      fn();
    };
    const succeed = () => {
      const err = last ? responseError(last) : undefined;
      if (err) {
        finish(() => reject(toError(err)));
        return;
      }
      finish(() => resolve(last?.data ?? []));
    };
    const onAbort = () => finish(() => reject(cancelled(action)));

    signal?.addEventListener('abort', onAbort);
    timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new DataError(
              'timeout',
              `${action} (${context.datasource}) timed out after ${Math.round(timeoutMs / 1000)} s`,
              'Narrow the time range or add a filter (correlation_id, task_uuid or namespace), then retry.'
            )
          )
        ),
      timeoutMs
    );

    const request = buildRequest(targets, range);
    const observer = {
      next: (res: DataQueryResponse) => {
        last = res;
        if (res.state === LoadingState.Error) {
          const err = responseError(res) ?? { message: 'the datasource reported an error' };
          finish(() => reject(toError(err)));
        } else if (res.state === LoadingState.Done) {
          succeed();
        }
      },
      error: (e: unknown) => finish(() => reject(toError(e))),
      complete: succeed,
    };
    const run = (source: Observable<DataQueryResponse>) => {
      subscription = source.subscribe(observer);
      // A synchronous Observable may have completed during subscribe(), before `subscription` was assigned.
      if (settled) {
        subscription.unsubscribe();
      }
    };
    const viaBackend = () => from(queryBackend(ds, targets, request.range, request.requestId));

    const streams = searchStreams(ds) && targets.some(isSearch);
    if (streams && !isLiveConnected()) {
      run(viaBackend());
      return;
    }
    let source: Observable<DataQueryResponse>;
    try {
      const result = ds.query(request);
      source = isObservable(result) ? result : from(result);
    } catch (e) {
      finish(() => reject(toError(e)));
      return;
    }
    run(source);
    if (streams && !settled) {
      liveWatch = liveConnection()?.subscribe((connected) => {
        if (!connected && !settled) {
          // Live dropped mid-stream: its partial answers are kept only until the full one arrives.
          liveWatch?.unsubscribe();
          subscription?.unsubscribe();
          run(viaBackend());
        }
      });
    }
  });
}
