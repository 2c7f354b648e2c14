import { dateMath, dateTime, isDateTime, type DateTime, type TimeRange } from '@grafana/data';

export const DEFAULT_FROM = 'now-1h';
export const DEFAULT_TO = 'now';

function parseEdge(text: string | null, roundUp: boolean): DateTime | undefined {
  if (!text) {
    return undefined;
  }
  // Grafana's own URLs carry epoch milliseconds.
  if (/^\d{10,}$/.test(text)) {
    return dateTime(Number(text));
  }
  const parsed = dateMath.parse(text, roundUp);
  return parsed && parsed.isValid() ? parsed : undefined;
}

/**
 * The range in the URL's `from`/`to` (relative such as `now-1h`, or epoch ms), evaluated now. Unreadable or
 * missing edges fall back to the last hour; a reversed range is put right.
 */
export function rangeFromParams(from: string | null, to: string | null): TimeRange {
  let f = parseEdge(from, false);
  let t = parseEdge(to, true);
  let rawFrom = from ?? DEFAULT_FROM;
  let rawTo = to ?? DEFAULT_TO;
  if (!f || !t) {
    f = parseEdge(DEFAULT_FROM, false)!;
    t = parseEdge(DEFAULT_TO, true)!;
    rawFrom = DEFAULT_FROM;
    rawTo = DEFAULT_TO;
  }
  if (f.valueOf() > t.valueOf()) {
    [f, t] = [t, f];
    [rawFrom, rawTo] = [rawTo, rawFrom];
  }
  return { from: f, to: t, raw: { from: rawFrom, to: rawTo } };
}

/** URL form of a range edge: the relative text as is, an absolute time as epoch ms. */
export function edgeParam(edge: DateTime | string): string {
  return isDateTime(edge) ? String(edge.valueOf()) : edge;
}
