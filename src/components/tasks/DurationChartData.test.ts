import type { TaskRow } from '../../data/taskRow';
import { durationChartData, nearestTask } from './DurationChartData';

function row(key: string, startMs: number, durationMs: number, status: TaskRow['status'] = 'ok'): TaskRow {
  return { key, startMs, durationMs, status, traceCount: 1, spanCount: 1, traceIds: [], services: [] };
}

describe('duration chart data', () => {
  it('one point per task in start order, in the series of its status; p50/p95 over the tasks that did not fail', () => {
    const rows = [
      row('c', 3000, 300),
      row('a', 1000, 100),
      row('b', 2000, 5000, 'error'),
      row('d', 4000, 200, 'unset'),
    ];
    const d = durationChartData(rows);
    expect(d.rows.map((r) => r.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(d.aligned[0]).toEqual([1000, 2000, 3000, 4000]);
    expect(d.aligned[1]).toEqual([100, null, 300, null]);
    expect(d.aligned[2]).toEqual([null, 5000, null, null]);
    expect(d.aligned[3]).toEqual([null, null, null, 200]);
    expect(d.p50).toBe(200);
    expect(d.quantileRuns).toBe(3);
    expect(d.aligned[4]).toEqual([200, 200, 200, 200]);
  });

  it('leaves out rows without a time or a duration, and draws no lines without tasks', () => {
    const d = durationChartData([row('x', NaN, 1), row('y', 1, -5)]);
    expect(d.rows).toEqual([]);
    expect(d.p50).toBeUndefined();
    expect(durationChartData([row('e', 1, 1, 'error')]).aligned[4]).toEqual([null]);
  });

  it('finds the task under the pointer within the radius only', () => {
    const d = durationChartData([row('a', 0, 10), row('b', 100, 10)]);
    const toPx = (r: TaskRow) => ({ x: r.startMs, y: 50 });
    expect(nearestTask(d, 96, 52, toPx)?.key).toBe('b');
    expect(nearestTask(d, 50, 50, toPx)).toBeUndefined();
  });
});
