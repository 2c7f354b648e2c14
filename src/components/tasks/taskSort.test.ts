import type { TaskRow } from '../../data/taskRow';
import { sortFromParams, sortTasks } from './taskSort';

function row(key: string, patch: Partial<TaskRow>): TaskRow {
  return {
    key,
    startMs: 0,
    durationMs: 0,
    status: 'unset',
    traceCount: 1,
    spanCount: 1,
    traceIds: [],
    services: [],
    ...patch,
  };
}

describe('sortTasks', () => {
  const rows = [
    row('a', { startMs: 3, durationMs: 10, namespace: 'payments', status: 'ok' }),
    row('b', { startMs: 2, durationMs: 30, status: 'error' }),
    row('c', { startMs: 1, durationMs: 20, namespace: 'diamond' }),
  ];

  it('sorts numbers and text both ways, missing values last', () => {
    expect(sortTasks(rows, { key: 'duration', dir: 'asc' }).map((r) => r.key)).toEqual(['a', 'c', 'b']);
    expect(sortTasks(rows, { key: 'duration', dir: 'desc' }).map((r) => r.key)).toEqual(['b', 'c', 'a']);
    expect(sortTasks(rows, { key: 'namespace', dir: 'asc' }).map((r) => r.key)).toEqual(['c', 'a', 'b']);
    expect(sortTasks(rows, { key: 'namespace', dir: 'desc' }).map((r) => r.key)).toEqual(['a', 'c', 'b']);
    expect(sortTasks(rows, { key: 'status', dir: 'asc' }).map((r) => r.key)).toEqual(['b', 'c', 'a']);
  });

  it('reads sort from the URL, defaulting to newest first', () => {
    expect(sortFromParams(new URLSearchParams('sort=spans&dir=asc'))).toEqual({ key: 'spans', dir: 'asc' });
    expect(sortFromParams(new URLSearchParams('sort=evil&dir=sideways'))).toEqual({ key: 'start', dir: 'desc' });
  });
});
