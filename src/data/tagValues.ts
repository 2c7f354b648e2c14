import type { TimeRange } from '@grafana/data';
import { getBackendSrv } from '@grafana/runtime';
import { buildTaskerScopeTraceQL } from '../query/traceql';
import type { AttributeRef } from '../query/types';
import type { ResolvedSettings } from '../settings/types';
import { cancelled, toDataError } from './errors';

/** Tag values asked for at most, as Grafana's Tempo editor asks (language_provider.ts TAGS_LIMIT). */
export const TAG_VALUES_LIMIT = 5000;

/** `span.namespace`, `resource.namespace` or `.namespace`: the scoped tag name Tempo's v2 tag API expects. */
export function scopedTagName(ref: AttributeRef): string {
  return ref.scope === 'any' ? `.${ref.key}` : `${ref.scope}.${ref.key}`;
}

function readTagValues(body: unknown): string[] {
  const list = (body as { tagValues?: unknown } | null)?.tagValues;
  if (!Array.isArray(list)) {
    return [];
  }
  const values = list
    .map((v: unknown) => (typeof v === 'string' ? v : (v as { value?: unknown } | null)?.value))
    .filter((v): v is string => typeof v === 'string' && v !== '');
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}

/**
 * Values Tempo has seen for a scoped tag (`span.x`, `resource.x`, `.x`) on Tasker's spans in the range, through the
 * Tempo datasource's resource API as Grafana 13.1's Tempo editor asks for them (`resources/tag-values`, the tag
 * URL-encoded once more because the backend path-unescapes it, `q=` to scope the values), not the raw proxy.
 */
export async function fetchTagValues(
  tag: string,
  range: TimeRange,
  settings: ResolvedSettings,
  options: { signal?: AbortSignal } = {}
): Promise<string[]> {
  const url = `/api/datasources/uid/${encodeURIComponent(settings.tempoUid)}/resources/tag-values`;
  const action = `Loading ${tag} values`;
  if (options.signal?.aborted) {
    throw cancelled(action);
  }
  try {
    const params = {
      tag: encodeURIComponent(tag),
      q: buildTaskerScopeTraceQL(settings.query),
      limit: TAG_VALUES_LIMIT,
      start: Math.floor(range.from.valueOf() / 1000),
      end: Math.ceil(range.to.valueOf() / 1000),
    };
    const body = await raceAbort(
      getBackendSrv().get<unknown>(url, params, undefined, { showErrorAlert: false }),
      options.signal,
      action
    );
    return readTagValues(body);
  } catch (e) {
    throw toDataError(e, { action: `${action} from Tempo`, datasource: settings.tempoUid });
  }
}

/** Values Tempo has seen for the namespace attribute in the range (for the namespace multi-select). */
export function fetchNamespaceValues(
  range: TimeRange,
  settings: ResolvedSettings,
  options: { signal?: AbortSignal } = {}
): Promise<string[]> {
  return fetchTagValues(scopedTagName(settings.query.attributes.namespace), range, settings, options);
}

/** Tasker's service names Tempo has seen in the range (other services are left out by the service regex). */
export async function fetchServiceValues(
  range: TimeRange,
  settings: ResolvedSettings,
  options: { signal?: AbortSignal } = {}
): Promise<string[]> {
  const all = await fetchTagValues('resource.service.name', range, settings, options);
  let re: RegExp | undefined;
  try {
    re = new RegExp(settings.query.serviceRegex);
  } catch {
    // An RE2-only regex: Tempo already applied it through q=.
    re = undefined;
  }
  return re ? all.filter((s) => re!.test(s)) : all;
}

/** Rejects as soon as the signal aborts, so a stale answer never reaches the page. */
function raceAbort<T>(p: Promise<T>, signal: AbortSignal | undefined, action: string): Promise<T> {
  if (!signal) {
    return p;
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled(action));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      }
    );
  });
}
