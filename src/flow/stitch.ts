import { argsort } from './argsort';
import { SYNTHETIC_STEP_PREFIX, SpanTable } from './spanTable';

/** The task tree: real spans 0..n-1, then one synthetic node per grouped step. */
export interface StitchedTree {
  realCount: number;
  nodeCount: number;
  /** Ids of all nodes while building; afterwards only syntheticIds are kept. */
  ids: string[];
  /** Ids of the synthetic nodes n, n+1, … */
  syntheticIds: string[];
  parent: Int32Array;
  start: Float64Array;
  end: Float64Array;
  /** Synthetic node ids → index (kept apart from the span-id map so adding them never rehashes that big map). */
  syntheticIndex: Map<string, number>;
  /** Step index of synthetic node n+k. */
  syntheticStep: Int32Array;
  /** Synthetic node of each step, -1 when the step needed no grouping. */
  stepNode: Int32Array;
  /** All nodes sorted by start time (ties: input order). */
  byStart: Int32Array;
  childOffsets: Int32Array;
  children: Int32Array;
  topLevel: Int32Array;
  preorder: Int32Array;
  subtreeEnd: Int32Array;
  depth: Int32Array;
}

/**
 * Roots carrying a step attribute (tasker-core's scattered worker and result traces) go under one synthetic node
 * per step; every other root stays at the top level.
 */
export function stitch(
  table: SpanTable,
  realParent: Int32Array,
  realStart: Float64Array,
  realEnd: Float64Array
): StitchedTree {
  const n = table.count;
  const stepNode = new Int32Array(table.stepUuids.length).fill(-1);
  const syntheticSteps: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = table.ownStep[i];
    if (realParent[i] === -1 && s >= 0 && stepNode[s] === -1) {
      stepNode[s] = n + syntheticSteps.length;
      syntheticSteps.push(s);
    }
  }
  const nodeCount = n + syntheticSteps.length;
  const ids = table.ids;
  ids.length = n;
  const syntheticIndex = new Map<string, number>();
  for (const s of syntheticSteps) {
    let id = `${SYNTHETIC_STEP_PREFIX}${table.stepUuids[s]}`;
    // The lookup costs a hash of a fresh string per step: only needed when some span id could clash.
    if (table.stepPrefixedIds && table.indexById.has(id)) {
      id = `${id}#group`;
    }
    syntheticIndex.set(id, ids.length);
    ids.push(id);
  }
  const parent = new Int32Array(nodeCount).fill(-1);
  const start = new Float64Array(nodeCount);
  const end = new Float64Array(nodeCount);
  start.set(realStart.subarray(0, n));
  end.set(realEnd.subarray(0, n));
  start.fill(Infinity, n);
  end.fill(-Infinity, n);
  for (let i = 0; i < n; i++) {
    if (realParent[i] !== -1) {
      parent[i] = realParent[i];
      continue;
    }
    const s = table.ownStep[i];
    if (s >= 0) {
      const g = stepNode[s];
      parent[i] = g;
      if (start[i] < start[g]) {
        start[g] = start[i];
      }
      if (end[i] > end[g]) {
        end[g] = end[i];
      }
    }
  }
  const byStart = argsort(start);

  // Children lists (CSR), filled in start order so each list is sorted by start.
  const childOffsets = new Int32Array(nodeCount + 1);
  let topCount = 0;
  for (let i = 0; i < nodeCount; i++) {
    if (parent[i] === -1) {
      topCount++;
    } else {
      childOffsets[parent[i] + 1]++;
    }
  }
  for (let i = 0; i < nodeCount; i++) {
    childOffsets[i + 1] += childOffsets[i];
  }
  const children = new Int32Array(nodeCount - topCount);
  const topLevel = new Int32Array(topCount);
  const fill = childOffsets.slice(0, nodeCount);
  let t = 0;
  for (let k = 0; k < nodeCount; k++) {
    const i = byStart[k];
    const p = parent[i];
    if (p === -1) {
      topLevel[t++] = i;
    } else {
      children[fill[p]++] = i;
    }
  }

  // Pre-order walk with an explicit stack (trees can be deep).
  const preorder = new Int32Array(nodeCount);
  const depth = new Int32Array(nodeCount);
  const stack = new Int32Array(nodeCount);
  let sp = 0;
  for (let k = topCount - 1; k >= 0; k--) {
    stack[sp++] = topLevel[k];
  }
  let pos = 0;
  while (sp > 0) {
    const i = stack[--sp];
    preorder[pos++] = i;
    const p = parent[i];
    depth[i] = p === -1 ? 0 : depth[p] + 1;
    for (let c = childOffsets[i + 1] - 1; c >= childOffsets[i]; c--) {
      stack[sp++] = children[c];
    }
  }
  // Subtree sizes, accumulated bottom-up (reverse pre-order).
  const size = stack.fill(1);
  for (let k = nodeCount - 1; k >= 0; k--) {
    const i = preorder[k];
    const p = parent[i];
    if (p !== -1) {
      size[p] += size[i];
    }
  }
  const subtreeEnd = new Int32Array(nodeCount);
  for (let k = 0; k < nodeCount; k++) {
    subtreeEnd[k] = k + size[preorder[k]];
  }
  return {
    realCount: n,
    nodeCount,
    ids,
    syntheticIds: ids.slice(n),
    syntheticIndex,
    parent,
    start,
    end,
    syntheticStep: Int32Array.from(syntheticSteps),
    stepNode,
    byStart,
    childOffsets,
    children,
    topLevel,
    preorder,
    subtreeEnd,
    depth,
  };
}
