import { dateMath, dateTime, type DateTime, type TimeRange } from '@grafana/data';

export const DEFAULT_FROM = 'now-6h';
export const DEFAULT_TO = 'now';

function parseEnd(text: string, roundUp: boolean, now: DateTime): DateTime | undefined {
  // Grafana's own URLs carry epoch milliseconds.
  if (/^\d{10,}$/.test(text)) {
    return dateTime(Number(text));
  }
  const parsed = dateMath.toDateTime(text, { roundUp, now });
  return parsed && parsed.isValid() ? parsed : undefined;
}

/**
 * The page's time range from the URL's `from`/`to` (relative like `now-6h` or epoch ms); anything missing or
 * unreadable falls back to the last 6 hours, and a reversed range is put right.
 */
export function rangeFromUrl(from: string | null, to: string | null): TimeRange {
  const now = dateTime();
  let rawFrom = from ?? DEFAULT_FROM;
  let rawTo = to ?? DEFAULT_TO;
  let f = parseEnd(rawFrom, false, now);
  let t = parseEnd(rawTo, true, now);
  if (!f || !t) {
    rawFrom = f ? rawFrom : DEFAULT_FROM;
    rawTo = t ? rawTo : DEFAULT_TO;
    f = f ?? parseEnd(DEFAULT_FROM, false, now)!;
    t = t ?? parseEnd(DEFAULT_TO, true, now)!;
  }
  if (f.valueOf() > t.valueOf()) {
    [f, t] = [t, f];
    [rawFrom, rawTo] = [rawTo, rawFrom];
  }
  return { from: f, to: t, raw: { from: rawFrom, to: rawTo } };
}
