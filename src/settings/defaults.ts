import { resolveQuerySettings } from '../query';
// Direct import: the flow index would pull the whole flow model into every page chunk.
import { DEFAULT_PHASE_RULES } from '../flow/phaseRules';
import type { QuerySettings } from '../query/types';
import { DEFAULT_DATASOURCE_UIDS, type AppJsonData, type ResolvedSettings } from './types';

export const DEFAULT_SEARCH_LIMIT = 50;
export const DEFAULT_MAX_TRACES_PER_TASK = 50;
/** Upper bounds that keep one search from overloading Tempo or the browser. */
export const MAX_SEARCH_LIMIT = 1000;
export const MAX_TRACES_PER_TASK = 500;
/**
 * Trace lookups in flight while a task opens. Measured in the sandbox (npm run bench): 6, the browser's connections
 * per host over HTTP/1.1, opens a 30-trace task in the fewest round trips; more only queue in the browser, where
 * they would hold up the task's next search. Raise it behind an HTTP/2 proxy.
 */
export const DEFAULT_TRACE_CONCURRENCY = 6;
export const MAX_TRACE_CONCURRENCY = 32;
/** A week of history by default; Tempo keeps 14 days unless told otherwise. */
export const DEFAULT_HISTORY_LOOKBACK_DAYS = 7;
export const MAX_HISTORY_LOOKBACK_DAYS = 90;

function blankToUndefined(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function positiveInt(v: unknown, fallback: number, max: number): number {
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 1) {
    return fallback;
  }
  return Math.min(Math.floor(n), max);
}

/** jsonData (possibly absent, partial or hand-edited) merged over the defaults. Never throws. */
export function resolveAppSettings(jsonData: AppJsonData | undefined | null): ResolvedSettings {
  const d: AppJsonData = jsonData && typeof jsonData === 'object' ? jsonData : {};
  const overrides = d.query && typeof d.query === 'object' ? d.query : {};
  let query: QuerySettings;
  let problem: string | undefined;
  try {
    query = resolveQuerySettings(overrides);
  } catch (e) {
    // A broken saved setting must not take the pages down: fall back to the defaults and say so.
    query = resolveQuerySettings({});
    problem = e instanceof Error ? e.message : String(e);
  }
  return {
    tempoUid: blankToUndefined(d.tempoDatasourceUid) ?? DEFAULT_DATASOURCE_UIDS.tempo,
    lokiUid: blankToUndefined(d.lokiDatasourceUid) ?? DEFAULT_DATASOURCE_UIDS.loki,
    prometheusUid: blankToUndefined(d.prometheusDatasourceUid) ?? DEFAULT_DATASOURCE_UIDS.prometheus,
    query: resolveQuerySettings(query),
    phaseRules: Array.isArray(d.phaseRules) && d.phaseRules.length > 0 ? d.phaseRules : [...DEFAULT_PHASE_RULES],
    searchLimit: positiveInt(d.searchLimit, DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT),
    maxTracesPerTask: positiveInt(d.maxTracesPerTask, DEFAULT_MAX_TRACES_PER_TASK, MAX_TRACES_PER_TASK),
    traceConcurrency: positiveInt(d.traceConcurrency, DEFAULT_TRACE_CONCURRENCY, MAX_TRACE_CONCURRENCY),
    historyLookbackDays: positiveInt(d.historyLookbackDays, DEFAULT_HISTORY_LOOKBACK_DAYS, MAX_HISTORY_LOOKBACK_DAYS),
    ...(problem ? { problem } : {}),
  };
}
