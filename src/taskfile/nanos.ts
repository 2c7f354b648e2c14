// Epoch milliseconds (floats, as Grafana's trace frames hold them) ⇄ OTLP's nanosecond strings. A nanosecond epoch
// is beyond 2^53, so the conversion goes through whole microseconds, which a double holds exactly.

/** ms → ns as a decimal string, rounded to the microsecond. */
export function msToNanos(ms: number): string {
  const micros = Math.round(ms * 1000);
  return micros === 0 ? '0' : `${micros}000`;
}

/** ns (string or number, as files write it) → ms, microsecond precision; undefined when not a whole number. */
export function nanosToMs(ns: unknown): number | undefined {
  if (typeof ns === 'number') {
    return Number.isFinite(ns) ? ns / 1e6 : undefined;
  }
  if (typeof ns !== 'string' || !/^\d{1,30}$/.test(ns.trim())) {
    return undefined;
  }
  const digits = ns.trim();
  // Split off the last three digits (sub-microsecond) instead of dividing a number that is too large to be exact.
  const micros = digits.length > 3 ? Number(digits.slice(0, -3)) : 0;
  const rest = digits.length > 3 ? Number(digits.slice(-3)) : Number(digits);
  return (micros + rest / 1000) / 1000;
}
