// Quantiles of a sample of durations, for history read run by run.
import type { Distribution } from './types';

/** Linear interpolation between closest ranks (the usual "type 7" estimate); undefined for an empty sample. */
export function quantile(sorted: readonly number[], q: number): number | undefined {
  if (sorted.length === 0) {
    return undefined;
  }
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** p50/p95 over the finite, non-negative values; undefined when none is left. */
export function summarize(values: readonly number[], failedRuns = 0): Distribution | undefined {
  const sorted = values.filter((v) => Number.isFinite(v) && v >= 0).sort((a, b) => a - b);
  const p50 = quantile(sorted, 0.5);
  const p95 = quantile(sorted, 0.95);
  if (p50 === undefined || p95 === undefined) {
    return undefined;
  }
  return { p50, p95, runs: sorted.length, failedRuns };
}
