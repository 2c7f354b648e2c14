import type { LogRow } from './logRow';

/** Same time, same labels (stream and structured metadata), same text: the same line, answered by two queries. */
function lineKey(row: LogRow): string {
  const labels = Object.keys(row.labels)
    .sort()
    .map((k) => [k, row.labels[k]]);
  return JSON.stringify([row.timeMs, row.message, labels]);
}

/**
 * Lines of several queries as one list: each line once, newest first, at most `limit`. Row ids stay unique (two
 * queries may number their lines alike), so a list keyed by id shows every line.
 */
export function mergeLogRows(rows: readonly LogRow[], limit: number): LogRow[] {
  const seen = new Set<string>();
  const ids = new Set<string>();
  const out: LogRow[] = [];
  for (const row of [...rows].sort((a, b) => b.timeMs - a.timeMs)) {
    const key = lineKey(row);
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    let id = row.id;
    for (let n = 2; ids.has(id); n++) {
      id = `${row.id}~${n}`;
    }
    ids.add(id);
    out.push(id === row.id ? row : { ...row, id });
    if (out.length >= limit) {
      break;
    }
  }
  return out;
}
