import { dateTime, type DataSourceApi, type TimeRange } from '@grafana/data';
import { traceLookupShift, type TraceLookupShift } from './tempoJsonData';

/** Slack around a trace's known window: clocks of different services disagree, and spans may end late. */
export const NARROW_MARGIN_MS = 5 * 60_000;

export function absoluteRange(fromMs: number, toMs: number): TimeRange {
  const from = dateTime(fromMs);
  const to = dateTime(toMs);
  return { from, to, raw: { from, to } };
}

/**
 * The range for a trace-by-id lookup: the trace's start/end as a search saw them, plus a margin, so Tempo reads
 * only the blocks around it. Without a known start, the caller's range is kept.
 */
export function narrowRange(
  fallback: TimeRange,
  startMs: number | undefined,
  endMs: number | undefined,
  marginMs = NARROW_MARGIN_MS
): TimeRange {
  if (startMs === undefined || !Number.isFinite(startMs)) {
    return fallback;
  }
  const end = endMs !== undefined && Number.isFinite(endMs) && endMs >= startMs ? endMs : startMs;
  return absoluteRange(startMs - marginMs, end + marginMs);
}

/**
 * The range to send with a trace-by-id lookup. Grafana's Tempo frontend replaces it (13.1 `makeTraceIdRequest`):
 * with the datasource's `traceQuery.timeShiftEnabled` it widens it by the span time shifts and Tempo searches only
 * the blocks in that window, so narrowing around where the search saw the trace makes the lookup cheaper; without
 * it Grafana sends no range and Tempo searches all time, so narrowing changes nothing and the caller's range is
 * kept as is. See src/data/README.md.
 */
export function traceLookupRange(
  ds: DataSourceApi,
  fallback: TimeRange,
  startMs: number | undefined,
  endMs: number | undefined
): TimeRange {
  return traceLookupShift(ds) ? narrowRange(fallback, startMs, endMs) : fallback;
}

/**
 * The range to send so that the window Grafana ends up asking Tempo for covers at least `range`. Grafana computes
 * `from - spanStartTimeShift` and `to + spanEndTimeShift`; a negative shift (say `-30m`, as written for the
 * traces-to-logs shifts) would move `from` later or `to` earlier and cut the trace out, so the app widens by it
 * first. Positive shifts only widen and are left to Grafana. No shift: Grafana ignores the range.
 */
export function rangeForShift(range: TimeRange, shift: TraceLookupShift | undefined): TimeRange {
  if (!shift || (shift.beforeMs >= 0 && shift.afterMs >= 0)) {
    return range;
  }
  return absoluteRange(
    range.from.valueOf() + Math.min(0, shift.beforeMs),
    range.to.valueOf() - Math.min(0, shift.afterMs)
  );
}
