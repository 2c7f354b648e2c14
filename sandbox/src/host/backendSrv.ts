import type { BackendSrv, BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { Observable } from 'rxjs';
import type { AppJsonData } from '../../../src/settings/types';
import type { TelemetryStore } from '../data/store';
import type { SandboxControl } from '../datasources/control';
import { compileTraceQL } from '../datasources/traceql';
import { QuerySyntaxError } from '../datasources/syntax';
import { runDsQuery } from './dsQuery';

export const PLUGIN_ID = 'tasker-observability-app';
const SETTINGS_KEY = 'sandbox.pluginSettings';

export interface PluginSettingsDTO {
  id: string;
  enabled: boolean;
  pinned: boolean;
  jsonData: AppJsonData;
}

/** Plugin settings live in sessionStorage: they survive a reload (the config page reloads after saving). */
export function readPluginSettings(): PluginSettingsDTO {
  const raw = window.sessionStorage.getItem(SETTINGS_KEY);
  const base: PluginSettingsDTO = {
    id: PLUGIN_ID,
    enabled: true,
    pinned: true,
    jsonData: { tempoDatasourceUid: 'tempo', lokiDatasourceUid: 'loki', prometheusDatasourceUid: 'prometheus' },
  };
  if (!raw) {
    return base;
  }
  try {
    return { ...base, ...(JSON.parse(raw) as Partial<PluginSettingsDTO>) };
  } catch {
    return base;
  }
}

class HttpError {
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly data: { message?: string; results?: unknown }
  ) {}
}

function tagValues(
  store: TelemetryStore,
  tag: string,
  params: Record<string, string | number | undefined>
): Array<{ type: string; value: string }> {
  const scope = tag.startsWith('span.')
    ? 'span'
    : tag.startsWith('resource.')
      ? 'resource'
      : tag.startsWith('.')
        ? 'any'
        : 'span';
  const key = tag.replace(/^(span|resource)?\./, '');
  const q =
    typeof params.q === 'string' && params.q.trim() && params.q.trim() !== '{}' ? compileTraceQL(params.q) : undefined;
  const from = params.start !== undefined ? Number(params.start) * 1000 : -Infinity;
  const to = params.end !== undefined ? Number(params.end) * 1000 : Infinity;
  const values = new Set<string>();
  for (const [, trace] of store.allTraces()) {
    const spans = q ? q.evaluate(trace) : trace;
    for (const s of spans) {
      if (s.startMs < from || s.startMs > to) {
        continue;
      }
      const v =
        scope === 'span' ? s.attrs[key] : scope === 'resource' ? s.resource[key] : (s.attrs[key] ?? s.resource[key]);
      if (v !== undefined) {
        values.add(String(v));
      }
    }
  }
  return Array.from(values)
    .sort()
    .map((value) => ({ type: 'string', value }));
}

/** The few Grafana HTTP endpoints an app touches: datasource proxy (Tempo tag values), plugin settings, health. */
export function createBackendSrv(store: TelemetryStore, control: SandboxControl): BackendSrv {
  const route = (
    method: string,
    url: string,
    params: Record<string, string | number | undefined>,
    body: unknown
  ): unknown => {
    const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
    // The Tempo datasource's resource API (Grafana 13.1 pkg/tempo/tempo.go handleTagValues): `tag` arrives
    // URL-encoded once more and is path-unescaped; `q`, `start`, `end`, `limit` pass through to Tempo's v2 API.
    const resource = /^\/?api\/datasources\/uid\/([^/]+)\/resources\/tag-values$/.exec(path);
    if (resource) {
      const raw = typeof params.tag === 'string' ? params.tag : '';
      let tagName = '';
      try {
        tagName = decodeURIComponent(raw);
      } catch {
        tagName = '';
      }
      if (!tagName || tagName.split('/').some((part) => part === '.' || part === '..')) {
        throw new HttpError(400, 'Bad Request', {
          message: tagName ? "Invalid 'tag' parameter" : "Missing required 'tag' parameter",
        });
      }
      if (control.mode === 'fail') {
        const f = control.failure('tempo');
        throw new HttpError(f.status, f.statusText, f.data);
      }
      const values = control.mode === 'empty' ? [] : tagValues(store, tagName, params);
      const limit = Number(params.limit);
      return { tagValues: Number.isInteger(limit) && limit > 0 ? values.slice(0, limit) : values };
    }
    const tag = /^\/?api\/datasources\/proxy\/uid\/([^/]+)\/api\/(v2\/)?search\/tag\/([^/]+)\/values$/.exec(path);
    if (tag) {
      if (control.mode === 'fail') {
        const f = control.failure('tempo');
        throw new HttpError(f.status, f.statusText, f.data);
      }
      const values = control.mode === 'empty' ? [] : tagValues(store, decodeURIComponent(tag[3]), params);
      return tag[2] ? { tagValues: values } : { tagValues: values.map((v) => v.value) };
    }
    if (/^\/?api\/ds\/query$/.test(path) && method === 'POST') {
      const answer = runDsQuery(store, control, body);
      if (answer.status !== 200) {
        throw new HttpError(answer.status, 'Bad Request', { results: answer.results });
      }
      return { results: answer.results };
    }
    if (/^\/?api\/plugins\/[^/]+\/settings$/.test(path)) {
      if (method === 'GET') {
        return readPluginSettings();
      }
      const next = { ...readPluginSettings(), ...(body as Partial<PluginSettingsDTO>) };
      window.sessionStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
      return { message: 'Plugin settings updated' };
    }
    if (/^\/?api\/health$/.test(path)) {
      return { database: 'ok', version: '13.1.1 (sandbox)' };
    }
    throw new HttpError(404, 'Not Found', { message: `the sandbox does not serve ${method} ${path}` });
  };

  const call = <T>(
    method: string,
    url: string,
    params: Record<string, string | number | undefined> = {},
    body?: unknown
  ): Promise<T> =>
    new Promise((resolve, reject) => {
      // POST /api/ds/query carries several queries: Grafana's backend runs them one after another.
      const batch = (body as { queries?: unknown } | undefined)?.queries;
      const queries = Array.isArray(batch) ? Math.max(1, batch.length) : 1;
      const rec = control.record({
        target: 'backend',
        query: `${method} ${url}${params.q ? ` q=${params.q}` : ''}`,
        queries,
      });
      // The same host as the datasource queries: it waits for a connection like them.
      control.serve(rec, () => {
        try {
          resolve(route(method, url, params, body) as T);
        } catch (e) {
          rec.error = e instanceof HttpError ? `${e.status}` : String(e);
          reject(e instanceof QuerySyntaxError ? new HttpError(400, 'Bad Request', { message: e.message }) : e);
        }
      });
    });

  const fetchResponse = <T>(options: BackendSrvRequest, data: T): FetchResponse<T> => ({
    data,
    status: 200,
    statusText: 'OK',
    ok: true,
    headers: new Headers(),
    redirected: false,
    type: 'basic',
    url: options.url,
    config: options,
  });

  const srv: BackendSrv = {
    get: (url, params) => call('GET', url, params ?? {}),
    delete: (url, data) => call('DELETE', url, {}, data),
    post: (url, data) => call('POST', url, {}, data),
    patch: (url, data) => call('PATCH', url, {}, data),
    put: (url, data) => call('PUT', url, {}, data),
    request: (options) => call(options.method ?? 'GET', options.url, options.params ?? {}, options.data),
    datasourceRequest: async (options) =>
      fetchResponse(options, await call(options.method ?? 'GET', options.url, options.params ?? {}, options.data)),
    fetch: <T>(options: BackendSrvRequest) =>
      new Observable<FetchResponse<T>>((sub) => {
        call<T>(options.method ?? 'GET', options.url, options.params ?? {}, options.data).then(
          (d) => {
            sub.next(fetchResponse(options, d));
            sub.complete();
          },
          (e) => sub.error(e)
        );
      }),
    chunked: () =>
      new Observable((sub) =>
        sub.error(new HttpError(501, 'Not Implemented', { message: 'chunked requests are not served by the sandbox' }))
      ),
  };
  return srv;
}
