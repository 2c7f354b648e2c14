// Fakes of Grafana's services (datasource service, backend service, a datasource) for unit and component tests.
// They stand in for Grafana, never for this app's own code.
import type {
  DataFrame,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourceInstanceSettings,
} from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import { setBackendSrv, setDataSourceSrv, type BackendSrv, type DataSourceSrv } from '@grafana/runtime';
import { Observable } from 'rxjs';

/**
 * What a fake datasource does with one request: frames, a whole response (e.g. one carrying an error, as Grafana's
 * backend answers), or a thrown error (delivered as an Observable error).
 */
export type FakeHandler = (
  request: DataQueryRequest<DataQuery>
) => DataFrame[] | DataQueryResponse | Promise<DataFrame[] | DataQueryResponse>;

export interface FakeDatasource extends DataSourceApi {
  /** Every request received, in order. */
  requests: Array<DataQueryRequest<DataQuery>>;
  /** Subscriptions still open (not completed, not unsubscribed). */
  openSubscriptions(): number;
  /** Highest number of requests in flight at once. */
  maxInFlight(): number;
}

/**
 * A datasource whose query() returns an Observable, like Grafana's. Each request is answered asynchronously;
 * `hold` keeps a request pending until released (to test cancellation and concurrency).
 */
export function fakeDatasource(
  settings: { uid: string; type: string; name?: string },
  handler: FakeHandler,
  options: { hold?: (request: DataQueryRequest<DataQuery>) => Promise<void> | undefined } = {}
): FakeDatasource {
  const requests: Array<DataQueryRequest<DataQuery>> = [];
  let open = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const ds = {
    uid: settings.uid,
    type: settings.type,
    name: settings.name ?? settings.uid,
    meta: { id: settings.type },
    requests,
    openSubscriptions: () => open,
    maxInFlight: () => maxInFlight,
    query(request: DataQueryRequest<DataQuery>): Observable<DataQueryResponse> {
      requests.push(request);
      return new Observable<DataQueryResponse>((subscriber) => {
        open++;
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        let done = false;
        const close = () => {
          if (!done) {
            done = true;
            open--;
            inFlight--;
          }
        };
        (async () => {
          await options.hold?.(request);
          await Promise.resolve();
          if (done) {
            return;
          }
          try {
            const answer = await handler(request);
            if (done) {
              return;
            }
            close();
            subscriber.next(Array.isArray(answer) ? { data: answer } : answer);
            subscriber.complete();
          } catch (e) {
            if (done) {
              return;
            }
            close();
            subscriber.error(e);
          }
        })();
        return close;
      });
    },
  };
  return ds as unknown as FakeDatasource;
}

/** Installs a datasource service that knows these datasources (by uid and by name). */
export function installDatasources(list: DataSourceApi[]): void {
  const byKey = new Map<string, DataSourceApi>();
  for (const ds of list) {
    byKey.set(ds.uid, ds);
    byKey.set(ds.name, ds);
  }
  const keyOf = (ref: unknown): string | undefined =>
    typeof ref === 'string' ? ref : (ref as { uid?: string } | null | undefined)?.uid;
  const instance = (ds: DataSourceApi): DataSourceInstanceSettings =>
    ({
      uid: ds.uid,
      name: ds.name,
      type: ds.type,
      id: 1,
      meta: { id: ds.type, name: ds.type, info: { logos: { small: '', large: '' } } },
      access: 'proxy',
      readOnly: false,
      jsonData: {},
    }) as unknown as DataSourceInstanceSettings;
  const srv: DataSourceSrv = {
    get: async (ref) => {
      const ds = byKey.get(keyOf(ref) ?? '');
      if (!ds) {
        throw new Error(`Datasource ${keyOf(ref)} was not found`);
      }
      return ds;
    },
    getList: (filters) =>
      list
        .filter((ds) => {
          const type = filters?.type;
          return (
            !type || (Array.isArray(type) ? type.includes(ds.type) : type === ds.type) || filters?.pluginId === ds.type
          );
        })
        .map(instance),
    getInstanceSettings: (ref) => {
      const ds = byKey.get(keyOf(ref) ?? '');
      return ds ? instance(ds) : undefined;
    },
    reload: async () => {},
    registerRuntimeDataSource: () => {},
  };
  setDataSourceSrv(srv);
}

export interface FakeBackendCall {
  method: 'get' | 'post';
  url: string;
  body?: unknown;
  /** The request options the caller passed (showSuccessAlert, showErrorAlert, …). */
  options?: Record<string, unknown>;
}

/** Installs a backend service answering get/post through `respond` and recording every call. */
export function installBackend(respond: (call: FakeBackendCall) => unknown | Promise<unknown>): FakeBackendCall[] {
  const calls: FakeBackendCall[] = [];
  const handle = async (call: FakeBackendCall) => {
    calls.push(call);
    return respond(call);
  };
  const srv = {
    get: (url: string, params?: unknown) => handle({ method: 'get', url, body: params }),
    post: (url: string, body?: unknown, options?: Record<string, unknown>) =>
      handle({ method: 'post', url, body, options }),
  };
  setBackendSrv(srv as unknown as BackendSrv);
  return calls;
}
