import type { TaskRow } from '../../data/taskRow';

export const SORT_KEYS = [
  'correlationId',
  'taskUuid',
  'namespace',
  'taskName',
  'start',
  'duration',
  'status',
  'traces',
  'spans',
] as const;

export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

export interface TaskSort {
  key: SortKey;
  dir: SortDir;
}

export const DEFAULT_SORT: TaskSort = { key: 'start', dir: 'desc' };

const STATUS_RANK: Record<TaskRow['status'], number> = { error: 0, unset: 1, ok: 2 };

function value(row: TaskRow, key: SortKey): string | number | undefined {
  switch (key) {
    case 'start':
      return row.startMs;
    case 'duration':
      return row.durationMs;
    case 'status':
      return STATUS_RANK[row.status];
    case 'traces':
      return row.traceCount;
    case 'spans':
      return row.spanCount;
    default:
      return row[key];
  }
}

/** A sorted copy; missing values go last in either direction, ties keep newest first. */
export function sortTasks(rows: readonly TaskRow[], sort: TaskSort): TaskRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a, sort.key);
    const vb = value(b, sort.key);
    if (va === undefined || vb === undefined) {
      if (va !== vb) {
        return va === undefined ? 1 : -1;
      }
    } else if (va !== vb) {
      const cmp = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
      if (cmp !== 0) {
        return sign * cmp;
      }
    }
    return b.startMs - a.startMs;
  });
}

export function sortFromParams(params: URLSearchParams): TaskSort {
  const key = params.get('sort');
  const dir = params.get('dir');
  return {
    key: (SORT_KEYS as readonly string[]).includes(key ?? '') ? (key as SortKey) : DEFAULT_SORT.key,
    dir: dir === 'asc' || dir === 'desc' ? dir : DEFAULT_SORT.dir,
  };
}
