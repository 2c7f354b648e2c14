import { StitchedTree } from './stitch';

export interface CriticalSection {
  /** Node index. */
  node: number;
  startMs: number;
  endMs: number;
}

/**
 * Jaeger-style critical path: from the end of the task walk back in time; at each span descend into the child
 * that finished last before the current point; when no child is left, continue in the parent from this span's
 * start. Stitched roots are the children of a virtual task root spanning the whole task, so the path crosses
 * traces. Children are clipped to their parent's window; those entirely outside it are skipped.
 * Each child is considered once (a per-node cursor over children sorted by end), so O(n log n) overall.
 */
export function computeCriticalPath(tree: StitchedTree, taskStart: number, taskEnd: number): CriticalSection[] {
  const { nodeCount, childOffsets, children, topLevel, start, end } = tree;
  const sections: CriticalSection[] = [];
  if (nodeCount === 0) {
    return sections;
  }
  const root = nodeCount;
  const byEnd = (a: number, b: number) => end[b] - end[a] || b - a;
  const sortedChildren = children.slice();
  for (let i = 0; i < nodeCount; i++) {
    if (childOffsets[i + 1] - childOffsets[i] > 1) {
      sortedChildren.subarray(childOffsets[i], childOffsets[i + 1]).sort(byEnd);
    }
  }
  const sortedTop = topLevel.slice().sort(byEnd);
  const cursor = new Int32Array(nodeCount + 1);
  for (let i = 0; i < nodeCount; i++) {
    cursor[i] = childOffsets[i];
  }
  const startOf = (i: number) => (i === root ? taskStart : start[i]);
  const endOf = (i: number) => (i === root ? taskEnd : end[i]);
  const listEnd = (i: number) => (i === root ? sortedTop.length : childOffsets[i + 1]);
  const childAt = (i: number, c: number) => (i === root ? sortedTop[c] : sortedChildren[c]);

  let node = root;
  let bound = taskEnd;
  const path: number[] = [];
  for (;;) {
    const nodeStart = startOf(node);
    const nodeEnd = endOf(node);
    let next = -1;
    let nextEnd = 0;
    for (let c = cursor[node]; c < listEnd(node); c++) {
      const child = childAt(node, c);
      const clippedEnd = Math.min(end[child], nodeEnd);
      if (clippedEnd > bound || end[child] < nodeStart || start[child] > nodeEnd) {
        cursor[node] = c + 1;
        continue;
      }
      cursor[node] = c + 1;
      next = child;
      nextEnd = clippedEnd;
      break;
    }
    if (next !== -1) {
      if (node !== root && nextEnd < bound) {
        sections.push({ node, startMs: nextEnd, endMs: bound });
      }
      path.push(node);
      node = next;
      bound = nextEnd;
      continue;
    }
    if (node === root) {
      break;
    }
    const up = path.pop() ?? root;
    const from = Math.min(Math.max(nodeStart, startOf(up)), bound);
    sections.push({ node, startMs: from, endMs: bound });
    bound = from;
    node = up;
  }
  sections.reverse();
  return sections;
}
