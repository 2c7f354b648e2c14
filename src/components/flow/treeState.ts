import type { TaskFlow } from '../../flow/types';

/** What the tree state needs from a TaskFlow: the pre-order layout and two per-span facts. */
export type TreeShape = Pick<TaskFlow, 'nodeCount' | 'preorder' | 'subtreeEnd' | 'errorAt'>;

/**
 * Expand/collapse and filter state of the span tree, kept in typed arrays so a 100k-span flow costs a few hundred
 * KB and every operation is a tight loop: no per-span objects, no Sets of strings, no React state per row.
 *
 * Positions are indices into `preorder` (p), span indices are what the flow's accessors take (i = preorder[p]).
 */
export class TreeState {
  readonly size: number;
  private readonly preorder: Int32Array;
  private readonly subtreeEnd: Int32Array;
  /** Span index -> pre-order position. */
  readonly positionOf: Int32Array;
  /** Pre-order position -> parent's position, -1 for roots. */
  readonly parentPosition: Int32Array;
  /** By span index: 1 when the span's children are shown. */
  readonly expanded: Uint8Array;
  /** By position: 1 when the row passes the filter (a hit or an ancestor of one); null when nothing is filtered. */
  private filterMask: Uint8Array | null = null;
  /** Positions of the visible rows, ascending; only the first `rowCount` entries are meaningful. */
  readonly rows: Int32Array;
  rowCount = 0;
  /** Bumped by every change of the visible rows: the snapshot React's useSyncExternalStore compares. */
  private version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(shape: TreeShape) {
    const n = shape.nodeCount;
    this.size = n;
    this.preorder = shape.preorder;
    this.subtreeEnd = shape.subtreeEnd;
    this.positionOf = new Int32Array(n);
    this.parentPosition = new Int32Array(n);
    this.expanded = new Uint8Array(n);
    this.rows = new Int32Array(n);
    // One pass with a stack of open subtrees gives every position its parent.
    const stack = new Int32Array(n);
    let top = -1;
    for (let p = 0; p < n; p++) {
      this.positionOf[this.preorder[p]] = p;
      while (top >= 0 && this.subtreeEnd[stack[top]] <= p) {
        top--;
      }
      this.parentPosition[p] = top >= 0 ? stack[top] : -1;
      stack[++top] = p;
    }
    this.recompute();
  }

  /** useSyncExternalStore's subscribe: `listener` runs after every change of the visible rows. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** useSyncExternalStore's getSnapshot: changes whenever the visible rows do. */
  readonly getVersion = (): number => this.version;

  spanAtRow(row: number): number {
    return this.preorder[this.rows[row]];
  }

  /** Visible rows whose node index is below `limit`: with limit = flow.spanCount, the real spans shown. */
  rowsBelow(limit: number): number {
    let count = 0;
    for (let r = 0; r < this.rowCount; r++) {
      if (this.preorder[this.rows[r]] < limit) {
        count++;
      }
    }
    return count;
  }

  hasChildren(position: number): boolean {
    return this.subtreeEnd[position] > position + 1;
  }

  /** Visible rows from scratch: O(visible rows + collapsed or filtered-out subtrees skipped). */
  recompute(): void {
    const { preorder, subtreeEnd, expanded, rows, size } = this;
    const mask = this.filterMask;
    let count = 0;
    let p = 0;
    while (p < size) {
      if (mask !== null && mask[p] === 0) {
        // Nothing under a row outside the mask passes: the mask holds every ancestor of every hit.
        p = subtreeEnd[p];
        continue;
      }
      rows[count++] = p;
      p = expanded[preorder[p]] === 1 ? p + 1 : subtreeEnd[p];
    }
    this.rowCount = count;
    this.version++;
    this.listeners.forEach((listener) => listener());
  }

  expandAll(): void {
    this.expanded.fill(1);
    this.recompute();
  }

  collapseAll(): void {
    this.expanded.fill(0);
    this.recompute();
  }

  /** Returns false when the span has no children (nothing to do). */
  setExpanded(spanIndex: number, open: boolean): boolean {
    const p = this.positionOf[spanIndex];
    if (p === undefined || !this.hasChildren(p) || (this.expanded[spanIndex] === 1) === open) {
      return false;
    }
    this.expanded[spanIndex] = open ? 1 : 0;
    this.recompute();
    return true;
  }

  isExpanded(spanIndex: number): boolean {
    return this.expanded[spanIndex] === 1;
  }

  /** Expands every ancestor so the span gets a row; returns its row, or -1 when a filter hides it. */
  reveal(spanIndex: number): number {
    let changed = false;
    for (let q = this.parentPosition[this.positionOf[spanIndex]]; q >= 0; q = this.parentPosition[q]) {
      const ancestor = this.preorder[q];
      if (this.expanded[ancestor] === 0) {
        this.expanded[ancestor] = 1;
        changed = true;
      }
    }
    if (changed) {
      this.recompute();
    }
    return this.rowOf(spanIndex);
  }

  /** Row of a span, -1 when it has none. Binary search: rows are in pre-order. */
  rowOf(spanIndex: number): number {
    if (spanIndex < 0 || spanIndex >= this.size) {
      return -1;
    }
    const target = this.positionOf[spanIndex];
    let lo = 0;
    let hi = this.rowCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.rows[mid];
      if (v === target) {
        return mid;
      }
      if (v < target) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -1;
  }

  /** Row of the span's parent, -1 for a root or a hidden parent. */
  parentRow(spanIndex: number): number {
    const q = this.parentPosition[this.positionOf[spanIndex]];
    return q < 0 ? -1 : this.rowOf(this.preorder[q]);
  }

  /**
   * Shows only `hits` (span indices) and their ancestors, expanding those ancestors so every hit gets a row;
   * `null` removes the filter. O(n) for the mask, each ancestor chain walked once.
   */
  setFilter(hits: ArrayLike<number> | null): void {
    if (hits === null) {
      this.filterMask = null;
      this.recompute();
      return;
    }
    const mask = new Uint8Array(this.size);
    for (let k = 0; k < hits.length; k++) {
      const i = hits[k];
      if (i < 0 || i >= this.size) {
        continue;
      }
      let p = this.positionOf[i];
      mask[p] = 1;
      for (let q = this.parentPosition[p]; q >= 0 && mask[q] !== 2; q = this.parentPosition[q]) {
        // 2 marks "ancestor already walked": later hits under it stop there.
        mask[q] = 2;
        this.expanded[this.preorder[q]] = 1;
      }
    }
    this.filterMask = mask;
    this.recompute();
  }

  get filtered(): boolean {
    return this.filterMask !== null;
  }
}

/** Span indices that pass the toolbar's filters; null when no filter applies. */
export function filterHits(
  shape: TreeShape,
  matches: number[] | null,
  matchesOnly: boolean,
  errorsOnly: boolean
): number[] | null {
  const byMatch = matchesOnly && matches !== null;
  if (!byMatch && !errorsOnly) {
    return null;
  }
  if (byMatch && !errorsOnly) {
    return matches;
  }
  if (byMatch) {
    return (matches ?? []).filter((i) => shape.errorAt(i));
  }
  const hits: number[] = [];
  for (let i = 0; i < shape.nodeCount; i++) {
    if (shape.errorAt(i)) {
      hits.push(i);
    }
  }
  return hits;
}
