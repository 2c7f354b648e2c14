import { dateTime, type TimeRange } from '@grafana/data';

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
