import type { LogRow } from './logRow';
import { mergeLogRows } from './mergeLogRows';

const row = (id: string, timeMs: number, message: string, labels: Record<string, string> = {}): LogRow => ({
  id,
  timeMs,
  level: 'info',
  message,
  labels,
});

describe('mergeLogRows', () => {
  it('keeps each line once (same time, labels and text), newest first, at most the limit', () => {
    const rows = [
      row('a-0', 1, 'old'),
      row('a-1', 3, 'new', { trace_id: 't' }),
      row('b-0', 3, 'new', { trace_id: 't' }),
      row('b-1', 2, 'middle'),
    ];
    expect(mergeLogRows(rows, 10).map((r) => r.message)).toEqual(['new', 'middle', 'old']);
    expect(mergeLogRows(rows, 2).map((r) => r.message)).toEqual(['new', 'middle']);
  });

  it('keeps lines that differ only in a label, and gives each a unique id', () => {
    const merged = mergeLogRows([row('x', 1, 'same', { span_id: '1' }), row('x', 1, 'same', { span_id: '2' })], 10);
    expect(merged).toHaveLength(2);
    expect(new Set(merged.map((r) => r.id)).size).toBe(2);
  });
});
