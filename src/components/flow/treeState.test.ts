import { TreeState, filterHits, type TreeShape } from './treeState';

/**
 * A shape from parent links (span index -> parent index, -1 for roots), children in index order:
 *
 *   0 ─┬─ 1 ─┬─ 2
 *      │     └─ 3
 *      └─ 4 ── 5
 *   6 ── 7
 */
function shapeOf(parents: number[], errors: number[] = []): TreeShape {
  const n = parents.length;
  const children: number[][] = parents.map(() => []);
  const roots: number[] = [];
  parents.forEach((p, i) => (p < 0 ? roots.push(i) : children[p].push(i)));
  const preorder = new Int32Array(n);
  const subtreeEnd = new Int32Array(n);
  let k = 0;
  const visit = (i: number) => {
    const p = k++;
    preorder[p] = i;
    children[i].forEach(visit);
    subtreeEnd[p] = k;
  };
  roots.forEach(visit);
  const errorSet = new Set(errors);
  return { nodeCount: n, preorder, subtreeEnd, errorAt: (i: number) => errorSet.has(i) };
}

const PARENTS = [-1, 0, 1, 1, 0, 4, -1, 6];

function visibleSpans(t: TreeState): number[] {
  return Array.from({ length: t.rowCount }, (_, r) => t.spanAtRow(r));
}

describe('TreeState', () => {
  it('starts collapsed: only roots are rows', () => {
    const t = new TreeState(shapeOf(PARENTS));
    expect(visibleSpans(t)).toEqual([0, 6]);
  });

  it('expands and collapses one node', () => {
    const t = new TreeState(shapeOf(PARENTS));
    expect(t.setExpanded(0, true)).toBe(true);
    expect(visibleSpans(t)).toEqual([0, 1, 4, 6]);
    expect(t.setExpanded(1, true)).toBe(true);
    expect(visibleSpans(t)).toEqual([0, 1, 2, 3, 4, 6]);
    // Collapsing an ancestor hides the open descendants but remembers them.
    t.setExpanded(0, false);
    expect(visibleSpans(t)).toEqual([0, 6]);
    t.setExpanded(0, true);
    expect(visibleSpans(t)).toEqual([0, 1, 2, 3, 4, 6]);
  });

  it('refuses to expand a leaf', () => {
    const t = new TreeState(shapeOf(PARENTS));
    expect(t.setExpanded(2, true)).toBe(false);
    expect(t.isExpanded(2)).toBe(false);
  });

  it('expands all and collapses all', () => {
    const t = new TreeState(shapeOf(PARENTS));
    t.expandAll();
    expect(visibleSpans(t)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    t.collapseAll();
    expect(visibleSpans(t)).toEqual([0, 6]);
  });

  it('knows parents and rows', () => {
    const t = new TreeState(shapeOf(PARENTS));
    t.expandAll();
    expect(t.rowOf(5)).toBe(5);
    expect(t.parentRow(5)).toBe(t.rowOf(4));
    expect(t.parentRow(0)).toBe(-1);
    t.collapseAll();
    expect(t.rowOf(5)).toBe(-1);
    expect(t.rowOf(99)).toBe(-1);
  });

  it('reveal opens every ancestor of a deep span', () => {
    const t = new TreeState(shapeOf(PARENTS));
    const row = t.reveal(3);
    expect(visibleSpans(t)).toEqual([0, 1, 2, 3, 4, 6]);
    expect(t.spanAtRow(row)).toBe(3);
  });

  it('filters to hits and their ancestors, opening the ancestors', () => {
    const t = new TreeState(shapeOf(PARENTS));
    t.setFilter([3]);
    expect(visibleSpans(t)).toEqual([0, 1, 3]);
    expect(t.filtered).toBe(true);
    t.setFilter([5, 7]);
    expect(visibleSpans(t)).toEqual([0, 4, 5, 6, 7]);
    t.setFilter([]);
    expect(t.rowCount).toBe(0);
    t.setFilter(null);
    expect(t.filtered).toBe(false);
    // Ancestors opened by the filter stay open afterwards.
    expect(visibleSpans(t)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps a hit that is an ancestor of another hit', () => {
    const t = new TreeState(shapeOf(PARENTS));
    t.setFilter([2, 1]);
    expect(visibleSpans(t)).toEqual([0, 1, 2]);
    t.setFilter([1, 2]);
    expect(visibleSpans(t)).toEqual([0, 1, 2]);
  });

  it('handles an empty tree', () => {
    const t = new TreeState(shapeOf([]));
    t.expandAll();
    expect(t.rowCount).toBe(0);
    expect(t.rowOf(0)).toBe(-1);
  });

  it('computes a 200k-span chain without recursion', () => {
    const n = 200_000;
    const preorder = new Int32Array(n).map((_, i) => i);
    const subtreeEnd = new Int32Array(n).fill(n);
    const t = new TreeState({ nodeCount: n, preorder, subtreeEnd, errorAt: () => false });
    t.expandAll();
    expect(t.rowCount).toBe(n);
    expect(t.parentRow(n - 1)).toBe(n - 2);
    t.collapseAll();
    expect(t.rowCount).toBe(1);
  });
});

describe('filterHits', () => {
  const shape = shapeOf(PARENTS, [3, 5]);
  it('is null when no filter is on', () => {
    expect(filterHits(shape, [1], false, false)).toBeNull();
    expect(filterHits(shape, null, true, false)).toBeNull();
  });
  it('errors only lists the failed spans', () => {
    expect(filterHits(shape, null, false, true)).toEqual([3, 5]);
  });
  it('matches only and errors only intersect', () => {
    expect(filterHits(shape, [1, 3], true, false)).toEqual([1, 3]);
    expect(filterHits(shape, [1, 3], true, true)).toEqual([3]);
  });
});
