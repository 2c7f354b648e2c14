import { PHASES, Phase } from './types';
import { argsort } from './argsort';
import { StitchedTree } from './stitch';

/**
 * Self time per phase on the task's timeline. A sweep over span boundaries gives each elementary interval to
 * the innermost active span (latest start, then deepest), so parallel and nested spans are never counted twice
 * and idle gaps count to no phase. Synthetic step nodes are groupings, not work: they are left out.
 * O(n log n) with a heap of active spans.
 */
/** Every phase at 0 ms. */
export function zeroPhaseTotals(): Record<Phase, number> {
  return Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
}

export function computePhaseTotals(tree: StitchedTree, phase: Uint8Array): Record<Phase, number> {
  const totals = zeroPhaseTotals();
  const sums = new Float64Array(PHASES.length);
  const { realCount: n, byStart, start, end, depth } = tree;
  if (n === 0) {
    return totals;
  }
  const starts = new Int32Array(n);
  let s = 0;
  for (let k = 0; k < byStart.length; k++) {
    if (byStart[k] < n) {
      starts[s++] = byStart[k];
    }
  }
  // Real spans are indices 0..n-1, so their ends sort directly.
  const ends = argsort(end, n);
  // Max-heap of active spans, lazily cleaned of ended ones.
  const heap = new Int32Array(n);
  let size = 0;
  const ended = new Uint8Array(n);
  const above = (a: number, b: number): boolean =>
    start[a] !== start[b] ? start[a] > start[b] : depth[a] !== depth[b] ? depth[a] > depth[b] : a > b;
  const push = (x: number): void => {
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!above(x, heap[p])) {
        break;
      }
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = x;
  };
  const pop = (): void => {
    const x = heap[--size];
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) {
        break;
      }
      const r = l + 1;
      const c = r < size && above(heap[r], heap[l]) ? r : l;
      if (!above(heap[c], x)) {
        break;
      }
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = x;
  };
  let si = 0;
  let ei = 0;
  while (ei < n) {
    const t = si < n ? Math.min(start[starts[si]], end[ends[ei]]) : end[ends[ei]];
    while (si < n && start[starts[si]] === t) {
      push(starts[si++]);
    }
    while (ei < n && end[ends[ei]] === t) {
      ended[ends[ei++]] = 1;
    }
    while (size > 0 && ended[heap[0]]) {
      pop();
    }
    if (size === 0 || ei >= n) {
      continue;
    }
    const next = si < n ? Math.min(start[starts[si]], end[ends[ei]]) : end[ends[ei]];
    sums[phase[heap[0]]] += next - t;
  }
  capToWallTime(sums, start, end, n);
  PHASES.forEach((p, code) => {
    totals[p] = sums[code];
  });
  return totals;
}

/**
 * The sweep adds up differences of span boundaries; at very large times (epoch ms near 1e17 from bad input) their
 * float sum can pass the wall time by an ulp or two. Take that rounding excess off the largest phase, so the totals
 * keep their promise of never exceeding the task's wall time.
 */
function capToWallTime(sums: Float64Array, start: Float64Array, end: Float64Array, n: number): void {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    first = Math.min(first, start[i]);
    last = Math.max(last, end[i]);
  }
  let total = 0;
  let largest = 0;
  for (let code = 0; code < sums.length; code++) {
    total += sums[code];
    if (sums[code] > sums[largest]) {
      largest = code;
    }
  }
  const excess = total - (last - first);
  if (excess > 0) {
    sums[largest] = Math.max(0, sums[largest] - excess);
  }
}
