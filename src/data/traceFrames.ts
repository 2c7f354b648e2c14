import type { DataFrame, DataSourceApi, TimeRange } from '@grafana/data';
import { isTraceId, normalizeTraceId } from '../query/ids';
import type { ResolvedSettings } from '../settings/types';
import { getTaskerDatasource } from './datasources';
import { DataError, isTraceNotFound } from './errors';
import { findField, rowCount } from './frames';
import { runQuery } from './runQuery';
import { tempoTraceTarget } from './targets';
import { rangeForShift } from './timeRange';
import { traceLookupShift } from './tempoJsonData';

export { isTraceId, normalizeTraceId };

/** Frames of a trace-by-id answer that hold spans (Grafana also sends node-graph frames alongside). */
export function traceSpanFrames(frames: DataFrame[]): DataFrame[] {
  return frames.filter(
    (f) =>
      (f.name === 'Trace' ||
        f.meta?.preferredVisualisationType === 'trace' ||
        (findField(f, ['spanID']) !== undefined && findField(f, ['parentSpanID']) !== undefined)) &&
      rowCount(f) > 0
  );
}

export interface FetchTraceOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Reuse a resolved Tempo datasource (fetchTaskFrames fetches many traces). */
  datasource?: DataSourceApi;
}

/**
 * "Not found", with advice that fits how the datasource looked: Grafana asks Tempo within the range only when the
 * datasource's trace query time shift is on; otherwise it asks all time and widening the range cannot help.
 */
export function traceNotFound(traceId: string, ds?: DataSourceApi): DataError {
  const ranged = ds !== undefined && traceLookupShift(ds) !== undefined;
  return new DataError(
    'empty',
    `Trace ${traceId} was not found`,
    ranged
      ? 'It may be older than Tempo keeps traces, not ingested yet, or outside the time range (the Tempo datasource limits trace lookups to it): widen the range or retry in a minute.'
      : 'It may be older than Tempo keeps traces or not ingested yet: retry in a minute, or check the id.'
  );
}

/** One trace by id, as trace frames (fields as TraceSpanRow) for the flow model. */
export async function fetchTraceFrames(
  traceId: string,
  range: TimeRange,
  settings: ResolvedSettings,
  options: FetchTraceOptions = {}
): Promise<DataFrame[]> {
  const id = normalizeTraceId(traceId);
  if (id === undefined) {
    throw new DataError(
      'invalid_query',
      `"${String(traceId).trim().slice(0, 64)}" is not a trace id`,
      'A trace id is 1 to 32 hexadecimal characters, as shown in Tempo and in log lines (trace_id=...).'
    );
  }
  const ds = options.datasource ?? (await getTaskerDatasource('tempo', settings));
  // Grafana's Tempo backend says "not found" only in words (no HTTP status): read it as such.
  const frames = await runQuery(ds, [tempoTraceTarget(id)], rangeForShift(range, traceLookupShift(ds)), {
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    action: `Loading trace ${id}`,
    mapError: (raw) => (isTraceNotFound(raw) ? traceNotFound(id, ds) : undefined),
  });
  const spans = traceSpanFrames(frames);
  if (spans.length === 0) {
    throw traceNotFound(id, ds);
  }
  return spans;
}
