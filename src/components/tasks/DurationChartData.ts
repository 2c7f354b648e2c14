// What the Tasks page's duration chart draws: one point per task by status, p50/p95 of the successful ones.
import type { AlignedData } from 'uplot';
import type { TaskRow } from '../../data/taskRow';
import { summarize } from '../../history/quantiles';

export const CHART_STATUSES: ReadonlyArray<TaskRow['status']> = ['ok', 'error', 'unset'];

export interface DurationChartData {
  /** x = task start (ms), then one y series per status (null where the task has another status), p50, p95. */
  aligned: AlignedData;
  /** The task drawn at each x index. */
  rows: TaskRow[];
  p50?: number;
  p95?: number;
  /** Successful tasks the quantiles are over (failed ones are kept apart). */
  quantileRuns: number;
}

/** Rows with a finite start and duration, in start order; the quantiles over those that did not fail. */
export function durationChartData(input: readonly TaskRow[]): DurationChartData {
  const rows = input
    .filter((r) => Number.isFinite(r.startMs) && Number.isFinite(r.durationMs) && r.durationMs >= 0)
    .sort((a, b) => a.startMs - b.startMs);
  const stats = summarize(rows.filter((r) => r.status !== 'error').map((r) => r.durationMs));
  const xs = rows.map((r) => r.startMs);
  const byStatus = CHART_STATUSES.map((status) => rows.map((r) => (r.status === status ? r.durationMs : null)));
  const line = (v: number | undefined) => rows.map(() => (v === undefined ? null : v));
  return {
    aligned: [xs, ...byStatus, line(stats?.p50), line(stats?.p95)] as AlignedData,
    rows,
    p50: stats?.p50,
    p95: stats?.p95,
    quantileRuns: stats?.runs ?? 0,
  };
}

/**
 * The task whose point is nearest to (x, y) in pixels, within `radius`; `toPx` maps a row to its point's pixel
 * position. Undefined when none is that close.
 */
export function nearestTask(
  data: DurationChartData,
  x: number,
  y: number,
  toPx: (row: TaskRow) => { x: number; y: number },
  radius = 10
): TaskRow | undefined {
  let best: TaskRow | undefined;
  let bestD = radius * radius;
  for (const row of data.rows) {
    const p = toPx(row);
    const d = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = row;
    }
  }
  return best;
}
