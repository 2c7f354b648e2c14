import type { DataFrame, DataSourceApi, TimeRange } from '@grafana/data';
import type { ResolvedSettings } from '../settings/types';
import { getTaskerDatasource } from './datasources';
import { DataError, isDataError } from './errors';
import { findField, rowCount } from './frames';
import { runQuery } from './runQuery';
import { tempoTraceTarget } from './targets';

const TRACE_ID = /^(?:[0-9a-f]{16}|[0-9a-f]{32})$/i;

export function isTraceId(value: string): boolean {
  return TRACE_ID.test(value);
}

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

export function traceNotFound(traceId: string): DataError {
  return new DataError(
    'empty',
    `Trace ${traceId} was not found`,
    'It may be older than Tempo keeps traces, not ingested yet, or outside the time range: widen the range or retry in a minute.'
  );
}

/** One trace by id, as trace frames (fields as TraceSpanRow) for the flow model. */
export async function fetchTraceFrames(
  traceId: string,
  range: TimeRange,
  settings: ResolvedSettings,
  options: FetchTraceOptions = {}
): Promise<DataFrame[]> {
  const id = traceId.trim();
  if (!isTraceId(id)) {
    throw new DataError(
      'invalid_query',
      `"${id.slice(0, 64)}" is not a trace id`,
      'A trace id is 32 (or 16) hexadecimal characters, as shown in Tempo and in log lines (trace_id=...).'
    );
  }
  const ds = options.datasource ?? (await getTaskerDatasource('tempo', settings));
  let frames: DataFrame[];
  try {
    frames = await runQuery(ds, [tempoTraceTarget(id)], range, {
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      action: `Loading trace ${id}`,
    });
  } catch (e) {
    // Tempo answers 404 for an unknown trace id: that is "not found", not a broken datasource.
    if (isDataError(e) && e.status === 404) {
      throw traceNotFound(id);
    }
    throw e;
  }
  const spans = traceSpanFrames(frames);
  if (spans.length === 0) {
    throw traceNotFound(id);
  }
  return spans;
}
