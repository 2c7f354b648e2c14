// The app's one duration formatter, pure so that the flow model's anomaly messages, perf-check in plain Node and the
// components all write durations the same way. Written here rather than calling @grafana/data's value formats,
// whose module touches `window` when loaded.

const UNITS: Array<{ name: string; ms: number; next: number }> = [
  { name: 'ms', ms: 1, next: 1000 },
  { name: 's', ms: 1000, next: 60 },
  { name: 'min', ms: 60_000, next: 60 },
  { name: 'h', ms: 3_600_000, next: 24 },
  { name: 'd', ms: 86_400_000, next: Infinity },
];

/** Three significant digits, none for whole numbers ("340", "1.25", "0.500", "12.3"); never exponent notation. */
function significant(value: number): string {
  if (Number.isInteger(value)) {
    return String(value);
  }
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : Math.max(0, 2 - Math.floor(Math.log10(abs)));
  return value.toFixed(Math.min(digits, 20));
}

/**
 * "340 ms", "1.25 s", "2.08 min", "1.50 h", "0.500 ms", "0 ms"; `decimals` fixes the digits after the point. "—" for a
 * missing or non-finite value. A value that rounds up to the next unit is written in it ("1 s", not "1000 ms").
 */
export function formatMs(ms: number | undefined, decimals?: number): string {
  if (ms === undefined || !Number.isFinite(ms)) {
    return '—';
  }
  const abs = Math.abs(ms);
  let u = 0;
  while (u < UNITS.length - 1 && abs >= UNITS[u + 1].ms) {
    u++;
  }
  const write = (value: number) =>
    decimals === undefined ? significant(value) : value.toFixed(Math.max(0, Math.min(20, decimals)));
  let text = write(ms / UNITS[u].ms);
  // Rounded up to the next unit (999.6 ms → "1000"): that value exactly, in the next unit.
  while (u < UNITS.length - 1 && Math.abs(Number(text)) >= UNITS[u].next) {
    text = write(Number(text) / UNITS[u].next);
    u++;
  }
  return `${text} ${UNITS[u].name}`;
}
