import {
  createDataFrame,
  FieldType,
  LoadingState,
  rangeUtil,
  type DataFrame,
  type DataQueryRequest,
  type DataQueryResponse,
} from '@grafana/data';
import { config, getGrafanaLiveSrv } from '@grafana/runtime';
import type { TelemetryStore } from '../data/store';
import { answer } from './answer';
import type { SandboxControl } from './control';
import { QuerySyntaxError } from './syntax';
import { traceFrame, tracesFrame, spansFrame, type TraceMatch } from './tempoFrames';
import { streamAnswer } from './tempoStream';
import { SANDBOX_MAX_BYTES_PER_TRACE, partialTraceMessage, trimTrace } from './tempoTraceSize';
import { asTraceId, compileTraceQL } from './traceql';
import { isTraceqlMetricsQuery, runTraceqlMetricsTarget } from './traceqlMetrics';
import { splitHints } from './traceqlHints';

export interface TempoTarget {
  refId: string;
  query?: string;
  queryType?: string;
  limit?: number;
  spss?: number;
  tableType?: 'traces' | 'spans';
  /** TraceQL metrics: Grafana's Tempo backend calls /api/metrics/query (instant) or /query_range (default). */
  metricsQueryType?: 'instant' | 'range';
}

/** The Tempo datasource settings the stand-in honours, as Grafana's Tempo frontend reads them. */
export interface TempoJsonData {
  traceQuery?: { timeShiftEnabled?: boolean; spanStartTimeShift?: string; spanEndTimeShift?: string };
  streamingEnabled?: { search?: boolean; metrics?: boolean };
}

export interface TempoStandInOptions {
  /** Tempo's max_bytes_per_trace (default SANDBOX_MAX_BYTES_PER_TRACE). */
  maxBytesPerTrace?: number;
  /** The datasource's jsonData; default: what the host's config says for this uid, read at query time. */
  jsonData?: () => TempoJsonData;
  /** Whether Grafana Live is connected; default: the Live service's current state (false without one). */
  liveConnected?: () => boolean;
  /** Grafana's `config.liveEnabled`; default: the host's config. */
  liveEnabled?: () => boolean;
}

function overlaps(trace: Array<{ startMs: number; durationMs: number }>, from: number, to: number): boolean {
  let start = Infinity;
  let end = -Infinity;
  for (const s of trace) {
    start = Math.min(start, s.startMs);
    end = Math.max(end, s.startMs + s.durationMs);
  }
  return start <= to && end >= from;
}

/** FNV-1a of a string: a stable stand-in for the block order in which Tempo happens to find traces. */
function scrambleKey(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h;
}

/** Grafana's Tempo backend says a trace is missing only in words: an error response with no HTTP status. */
function traceNotFound(query: string, refId: string): DataQueryResponse {
  const error = { message: `failed to get trace with id: ${query} Status: 404 Not Found Body: trace not found`, refId };
  return { data: [], state: LoadingState.Error, error, errors: [error] };
}

/** The traces a search matches, in the order Tempo returns them, at most `limit`. */
function searchMatches(
  store: TelemetryStore,
  query: string,
  from: number,
  to: number,
  limit: number,
  empty: boolean
): { matches: TraceMatch[]; compiled: ReturnType<typeof compileTraceQL> } {
  const { query: body, hints } = splitHints(query);
  const compiled = compileTraceQL(body);
  const matches: TraceMatch[] = [];
  if (!empty) {
    for (const [id, trace] of store.allTraces()) {
      if (!overlaps(trace, from, to)) {
        continue;
      }
      const matched = compiled.evaluate(trace);
      if (matched.length) {
        matches.push({ traceId: id, trace, matched: matched.sort((a, b) => a.startMs - b.startMs) });
      }
    }
  }
  if (hints.most_recent === 'true') {
    // With the hint Tempo searches until it has the newest `limit` traces, and returns them newest first.
    const startOf = (m: TraceMatch) => Math.min(...m.trace.map((s) => s.startMs));
    matches.sort((a, b) => startOf(b) - startOf(a));
  } else {
    // Without it Tempo returns the first matches it finds, in no order (grafana/tempo#2476): not the newest.
    matches.sort((a, b) => scrambleKey(a.traceId) - scrambleKey(b.traceId) || (a.traceId < b.traceId ? -1 : 1));
  }
  return { matches: matches.slice(0, limit), compiled };
}

function searchFrame(t: TempoTarget, matches: TraceMatch[], compiled: ReturnType<typeof compileTraceQL>): DataFrame {
  const spss = t.spss ?? 3;
  return t.tableType === 'spans'
    ? spansFrame(matches, compiled.fields, spss, t.refId)
    : tracesFrame(matches, compiled.fields, spss, t.refId);
}

/**
 * Answers one Tempo target over the store as Grafana's Tempo backend and Tempo would, for the range Tempo is given
 * (the frontend's replacement of a trace lookup's range is done by the stand-in, not here).
 */
export function runTempoTarget(
  store: TelemetryStore,
  t: TempoTarget,
  from: number,
  to: number,
  empty: boolean,
  options: { maxBytesPerTrace?: number } = {}
): DataQueryResponse {
  const query = (t.query ?? '').trim();
  const traceId = asTraceId(query);
  if (traceId) {
    const trace = empty ? undefined : store.trace(traceId);
    if (!trace || !overlaps(trace, from, to)) {
      return traceNotFound(query, t.refId);
    }
    const maxBytes = options.maxBytesPerTrace ?? SANDBOX_MAX_BYTES_PER_TRACE;
    const trimmed = trimTrace(trace, maxBytes);
    const custom = { partial: trimmed.partial, message: trimmed.partial ? partialTraceMessage(maxBytes) : '' };
    return { data: [traceFrame(trimmed.spans, t.refId, custom)] };
  }
  if (t.queryType && t.queryType !== 'traceql' && t.queryType !== 'traceqlSearch') {
    throw new QuerySyntaxError(`queryType ${t.queryType} is not supported by the sandbox`, 0);
  }
  // TraceQL metrics (issue 14): evaluated over the store, answered in the Tempo backend's series frames.
  if (isTraceqlMetricsQuery(query)) {
    return { data: runTraceqlMetricsTarget(store, t, from, to, empty) };
  }
  const { matches, compiled } = searchMatches(store, query, from, to, t.limit ?? 20, empty);
  return { data: [searchFrame(t, matches, compiled)] };
}

/**
 * Grafana's Tempo frontend (13.1 `makeTraceIdRequest`) replaces a trace lookup's range: widened by the span time
 * shifts when `traceQuery.timeShiftEnabled`, else none at all (Tempo then looks through all time).
 */
function traceLookupWindow(json: TempoJsonData, from: number, to: number): { from: number; to: number } {
  const q = json.traceQuery;
  if (!q?.timeShiftEnabled) {
    return { from: -Infinity, to: Infinity };
  }
  const shift = (text: string | undefined) => rangeUtil.intervalToMs(text || '30m');
  return { from: from - shift(q.spanStartTimeShift), to: to + shift(q.spanEndTimeShift) };
}

function hostJsonData(uid: string): TempoJsonData {
  const settings = Object.values(config.datasources ?? {}).find((d) => d.uid === uid);
  return (settings?.jsonData as TempoJsonData | undefined) ?? {};
}

function hostLiveConnected(): boolean {
  let connected = false;
  try {
    getGrafanaLiveSrv()
      ?.getConnectionState()
      .subscribe((state) => {
        connected = state;
      })
      .unsubscribe();
  } catch {
    connected = false;
  }
  return connected;
}

/** What a streamed search sends: cumulative results in a few steps, each with Tempo's progress frame last. */
function streamedSearch(
  store: TelemetryStore,
  t: TempoTarget,
  from: number,
  to: number,
  empty: boolean
): DataQueryResponse[] {
  const { matches, compiled } = searchMatches(store, (t.query ?? '').trim(), from, to, t.limit ?? 20, empty);
  const steps = Math.max(1, Math.min(3, matches.length));
  const out: DataQueryResponse[] = [];
  for (let k = 1; k <= steps; k++) {
    const part = matches.slice(0, Math.ceil((matches.length * k) / steps));
    out.push({
      data: [searchFrame(t, part, compiled), progressFrame('Streaming', k, steps)],
      state: LoadingState.Streaming,
    });
  }
  out.push({
    data: [searchFrame(t, matches, compiled), progressFrame('Done', steps, steps)],
    state: LoadingState.Done,
  });
  return out;
}

/** The "Streaming Progress" frame Grafana's Tempo frontend appends to each streamed answer (streaming.ts). */
function progressFrame(state: string, completed: number, total: number): DataFrame {
  return createDataFrame({
    refId: 'streaming-progress',
    name: 'Streaming Progress',
    fields: [
      { name: 'state', type: FieldType.string, values: [state] },
      { name: 'elapsedTime', type: FieldType.number, values: [0] },
      { name: 'totalBlocks', type: FieldType.number, values: [total] },
      { name: 'completedJobs', type: FieldType.number, values: [completed] },
      { name: 'totalJobs', type: FieldType.number, values: [total] },
      { name: 'progress', type: FieldType.number, values: [(100 * completed) / total] },
    ],
  });
}

export function createTempoStandIn(
  store: TelemetryStore,
  control: SandboxControl,
  uid: string,
  options: TempoStandInOptions = {}
) {
  const jsonData = options.jsonData ?? (() => hostJsonData(uid));
  const liveConnected = options.liveConnected ?? hostLiveConnected;
  const liveEnabled = options.liveEnabled ?? (() => Boolean(config.liveEnabled));
  return {
    uid,
    name: 'Tempo',
    type: 'tempo',
    query(request: DataQueryRequest<TempoTarget>) {
      const from = request.range.from.valueOf();
      const to = request.range.to.valueOf();
      const targets = request.targets.filter((t) => !(t as { hide?: boolean }).hide);
      const text = targets.map((t) => t.query ?? '').join('\n');
      const refId = targets[0]?.refId ?? 'A';
      const json = jsonData();
      const empty = () => control.mode === 'empty';
      const isLookup = (t: TempoTarget) => asTraceId(t.query ?? '') !== undefined;
      // Searches stream over Grafana Live when the datasource says so and Live is on (datasource.ts 13.1).
      // (Metrics queries stream only with `streamingEnabled.metrics`, which the stand-in does not do.)
      const search = targets.find((t) => !isLookup(t) && !isTraceqlMetricsQuery(t.query ?? ''));
      if (search && json.streamingEnabled?.search && liveEnabled()) {
        return streamAnswer(control, text, liveConnected(), () => streamedSearch(store, search, from, to, empty()));
      }
      return answer(
        control,
        'tempo',
        text,
        refId,
        () => {
          const lookup = traceLookupWindow(json, from, to);
          const parts = targets.map((t) =>
            isLookup(t)
              ? runTempoTarget(store, t, lookup.from, lookup.to, empty(), options)
              : runTempoTarget(store, t, from, to, empty(), options)
          );
          const firstError = parts.find((p) => p.error);
          if (parts.some((p) => p.data.some((f) => f.name === 'Trace'))) {
            control.lastTraceFrameAt = performance.now();
          }
          return {
            data: parts.flatMap((p) => p.data),
            error: firstError?.error,
            errors: parts.flatMap((p) => p.errors ?? []),
            state: firstError ? LoadingState.Error : LoadingState.Done,
          };
        },
        // Grafana's Tempo backend (QueryData) runs a request's queries one after another.
        targets.length
      );
    },
  };
}
