import { rangeUtil, type DataSourceApi } from '@grafana/data';
import { config, getDataSourceSrv } from '@grafana/runtime';

/** The parts of a Tempo datasource's settings (jsonData) that change how its frontend runs the app's queries. */
interface TempoJsonData {
  traceQuery?: { timeShiftEnabled?: boolean; spanStartTimeShift?: string; spanEndTimeShift?: string };
  streamingEnabled?: { search?: boolean; metrics?: boolean };
}

function jsonDataOf(ds: DataSourceApi): TempoJsonData {
  const own = (ds as { instanceSettings?: { jsonData?: unknown } }).instanceSettings?.jsonData;
  const data = own ?? getDataSourceSrv().getInstanceSettings(ds.uid)?.jsonData;
  return typeof data === 'object' && data !== null ? (data as TempoJsonData) : {};
}

function shiftMs(text: string | undefined): number {
  try {
    return rangeUtil.intervalToMs(text || '30m');
  } catch {
    return rangeUtil.intervalToMs('30m');
  }
}

/** Grafana subtracts `beforeMs` from a trace lookup's `from` and adds `afterMs` to its `to` (either may be < 0). */
export interface TraceLookupShift {
  beforeMs: number;
  afterMs: number;
}

/**
 * How Grafana's Tempo frontend (13.1 `makeTraceIdRequest`) replaces the range of a trace-by-id query: with
 * `traceQuery.timeShiftEnabled` it widens the request's range by the span start/end shifts (30m by default), else
 * it sends no range at all and Tempo looks through all its blocks. `undefined`: the range is not used.
 */
export function traceLookupShift(ds: DataSourceApi): TraceLookupShift | undefined {
  const q = jsonDataOf(ds).traceQuery;
  if (!q?.timeShiftEnabled) {
    return undefined;
  }
  return { beforeMs: shiftMs(q.spanStartTimeShift), afterMs: shiftMs(q.spanEndTimeShift) };
}

/** True when the datasource sends searches over Grafana Live (`streamingEnabled.search` and Live on). */
export function searchStreams(ds: DataSourceApi): boolean {
  return Boolean(jsonDataOf(ds).streamingEnabled?.search) && Boolean(config.liveEnabled);
}
