import { parseDurationNs } from '../../../src/query/duration';
import { goUnquote as decodeGoString } from '../../../src/query/goUnquote';

/**
 * Decodes a Go string literal as Tempo and Loki read it (text/scanner + strconv.Unquote): "…" with escapes, or
 * `raw`. The query core's model of that reading does the work; the stand-ins want an exception, not a result.
 */
export function goUnquote(literal: string): string {
  const result = decodeGoString(literal);
  if (!result.ok) {
    throw new Error(`${result.reason}: ${literal}`);
  }
  return result.value;
}

/** RE2 pattern → anchored JS RegExp. Leading (?i)/(?s) flags become JS flags; the rest of RE2 syntax maps as is. */
export function re2ToRegExp(pattern: string, anchored: boolean): RegExp {
  let src = pattern;
  let flags = '';
  const m = /^\(\?([imsU]+)\)/.exec(src);
  if (m) {
    flags = m[1].replace(/[mU]/g, '');
    src = src.slice(m[0].length);
  }
  try {
    return new RegExp(anchored ? `^(?:${src})$` : src, flags);
  } catch (e) {
    throw new Error(`invalid regex ${JSON.stringify(pattern)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Go duration ("1h2m", "250ms", "1.5s") → nanoseconds, read by the query core's parser. */
export function parseGoDuration(text: string): number {
  const ns = parseDurationNs(text);
  if (ns === undefined) {
    throw new Error(`invalid duration ${text}`);
  }
  return Number(ns);
}
