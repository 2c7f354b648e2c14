// Durations as users type them ('250ms', '1.5s', '1h30m'), normalised to one integer and one unit, because
// Grafana's TraceQL grammar accepts neither compound ('1h30m') nor day units.
import { InvalidQueryInputError, type QueryInputField } from './errors';

const UNIT_NS: Record<string, bigint> = {
  ns: BigInt(1),
  us: BigInt(1000),
  µs: BigInt(1000),
  μs: BigInt(1000),
  ms: BigInt(1000000),
  s: BigInt(1000000000),
  m: BigInt(60000000000),
  h: BigInt(3600000000000),
};
const OUTPUT_UNITS = ['h', 'm', 's', 'ms', 'us', 'ns'] as const;
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
const EXPECTED = "a duration such as '250ms', '1.5s', '2m' or '1h30m' (units ns, us, ms, s, m, h)";

/** Nanoseconds of a Go-style duration, or undefined when the text is not one (or is finer than 1ns). */
export function parseDurationNs(text: string): bigint | undefined {
  const compact = text.trim();
  if (compact === '') {
    return undefined;
  }
  let total = BigInt(0);
  PART.lastIndex = 0;
  while (PART.lastIndex < compact.length) {
    const start = PART.lastIndex;
    const match = PART.exec(compact);
    if (!match || match.index !== start) {
      return undefined;
    }
    const [whole, fraction = ''] = match[1].split('.');
    const unit = UNIT_NS[match[2]];
    const scale = BigInt(10) ** BigInt(fraction.length);
    const fractionNs = BigInt(fraction === '' ? 0 : fraction) * unit;
    if (fractionNs % scale !== BigInt(0)) {
      return undefined;
    }
    total += BigInt(whole === '' ? 0 : whole) * unit + fractionNs / scale;
  }
  return total;
}

/** Writes nanoseconds with the largest unit that keeps an integer, e.g. 1500000000 → '1500ms'. */
export function formatDurationNs(ns: bigint): string {
  if (ns === BigInt(0)) {
    return '0s';
  }
  for (const unit of OUTPUT_UNITS) {
    const size = UNIT_NS[unit];
    if (ns % size === BigInt(0)) {
      return `${ns / size}${unit}`;
    }
  }
  return `${ns}ns`;
}

/** Parses a filter duration or throws a typed error naming the field. */
export function requireDuration(field: QueryInputField, text: unknown): bigint {
  const ns = typeof text === 'string' ? parseDurationNs(text) : undefined;
  if (ns === undefined) {
    throw new InvalidQueryInputError(field, EXPECTED, text);
  }
  return ns;
}
