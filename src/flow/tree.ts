import { AnomalyLog } from './anomalyLog';
import { formatMs } from './formatMs';
import { SpanTable, spanLabel } from './spanTable';
import { textOf } from './values';

/** Parent index of each span within its own trace; -1 for roots and for spans whose parent is missing. */
export function resolveParents(table: SpanTable, anomalies: AnomalyLog): Int32Array {
  const n = table.count;
  const parent = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const column = table.columns[table.frameOf[i]].parentSpanID;
    const parentId = column ? textOf(column[table.rowOf[i]]) : '';
    if (parentId === '') {
      continue;
    }
    const p = table.indexById.get(parentId);
    if (p !== undefined && table.traceOf[p] === table.traceOf[i]) {
      parent[i] = p;
      continue;
    }
    anomalies.add(
      'orphan_span',
      [table.ids[i]],
      `The parent ${parentId} of ${spanLabel(table, i)} is not in the data; the span is shown at the top level.`
    );
  }
  return parent;
}

/** Cuts every parent loop at its earliest span, which becomes a root. O(n). */
export function breakCycles(parent: Int32Array, table: SpanTable, anomalies: AnomalyLog): void {
  const n = parent.length;
  // 0 unvisited, 1 on the current walk, 2 done.
  const state = new Uint8Array(n);
  const walk = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (state[i] !== 0) {
      continue;
    }
    let top = 0;
    let j = i;
    while (j !== -1 && state[j] === 0) {
      state[j] = 1;
      walk[top++] = j;
      j = parent[j];
    }
    if (j !== -1 && state[j] === 1) {
      let from = top - 1;
      while (walk[from] !== j) {
        from--;
      }
      let cut = j;
      const members: string[] = [];
      for (let k = from; k < top; k++) {
        const m = walk[k];
        members.push(table.ids[m]);
        if (table.start[m] < table.start[cut]) {
          cut = m;
        }
      }
      parent[cut] = -1;
      const what =
        members.length === 1
          ? `${spanLabel(table, cut)} names itself as its parent`
          : `${members.length} spans name each other as parents in a loop`;
      anomalies.add(
        'cycle',
        members,
        `${what}; the loop was cut at ${spanLabel(table, cut)}, which is shown as a root.`
      );
    }
    for (let k = 0; k < top; k++) {
      state[walk[k]] = 2;
    }
  }
}

/**
 * Start and end times with safe defaults: a span without a valid start is drawn at its nearest valid ancestor's
 * start (else the task's first start); a missing, infinite or negative duration becomes 0.
 */
export function sanitizeTimes(
  table: SpanTable,
  parent: Int32Array,
  anomalies: AnomalyLog
): { start: Float64Array; end: Float64Array } {
  const n = table.count;
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  let firstStart = Infinity;
  for (let i = 0; i < n; i++) {
    const s = table.start[i];
    if (Number.isFinite(s) && s < firstStart) {
      firstStart = s;
    }
  }
  if (!Number.isFinite(firstStart)) {
    firstStart = 0;
  }
  // 0 unresolved, 1 resolved.
  const resolved = new Uint8Array(n);
  const path: number[] = [];
  for (let i = 0; i < n; i++) {
    if (resolved[i]) {
      continue;
    }
    let j = i;
    while (j !== -1 && !resolved[j] && !Number.isFinite(table.start[j])) {
      path.push(j);
      j = parent[j];
    }
    let value: number;
    if (j === -1) {
      value = firstStart;
    } else if (resolved[j]) {
      value = start[j];
    } else {
      value = table.start[j];
      start[j] = value;
      resolved[j] = 1;
    }
    for (const k of path) {
      start[k] = value;
      resolved[k] = 1;
      anomalies.add(
        'clock_skew',
        [table.ids[k]],
        `${spanLabel(table, k)} has no valid start time; it is drawn at its parent's start.`
      );
    }
    path.length = 0;
  }
  for (let i = 0; i < n; i++) {
    const d = table.duration[i];
    // A finite start plus a finite duration can still overflow to Infinity (bad input near Number.MAX_VALUE).
    if (Number.isFinite(d) && d >= 0 && Number.isFinite(start[i] + d)) {
      end[i] = start[i] + d;
      continue;
    }
    end[i] = start[i];
    const reason = !Number.isFinite(d)
      ? 'no valid duration'
      : d < 0
        ? `a negative duration (${d} ms)`
        : `a duration that ends past any time that can be drawn (${d} ms)`;
    anomalies.add(
      'negative_duration',
      [table.ids[i]],
      `${spanLabel(table, i)} has ${reason}; it is shown as 0 ms long.`
    );
  }
  return { start, end };
}

/** A child that starts before its parent or ends after it: clocks of the two services disagree. */
export function findClockSkew(
  table: SpanTable,
  parent: Int32Array,
  start: Float64Array,
  end: Float64Array,
  anomalies: AnomalyLog
): void {
  // Float ms converted from ns can differ in the last digits: allow one microsecond.
  const tolerance = 0.001;
  for (let i = 0; i < parent.length; i++) {
    const p = parent[i];
    if (p === -1) {
      continue;
    }
    const early = start[p] - start[i];
    const late = end[i] - end[p];
    if (early > tolerance || late > tolerance) {
      const detail =
        early > tolerance ? `starts ${formatMs(early)} before its parent` : `ends ${formatMs(late)} after its parent`;
      anomalies.add(
        'clock_skew',
        [table.ids[i], table.ids[p]],
        `${spanLabel(table, i)} ${detail} ${spanLabel(table, p)}: the clocks of the services may disagree.`
      );
    }
  }
}
