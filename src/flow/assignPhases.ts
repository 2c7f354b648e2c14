import { EXECUTION, OTHER } from './phaseCodes';
import { SpanTable } from './spanTable';
import { StitchedTree } from './stitch';

/**
 * Phase of every node: the first matching rule; else the real (same-trace) parent's phase unless that is 'other';
 * else 'other'. A synthetic step node takes the phase holding most of its members' time (else 'execution').
 */
export function assignPhases(table: SpanTable, tree: StitchedTree, realParent: Int32Array): Uint8Array {
  const { nodeCount, realCount, preorder, childOffsets, children, start, end } = tree;
  const phase = new Uint8Array(nodeCount);
  for (let k = 0; k < nodeCount; k++) {
    const i = preorder[k];
    if (i >= realCount) {
      continue;
    }
    const own = table.rulePhase[i];
    if (own >= 0) {
      phase[i] = own;
      continue;
    }
    const p = realParent[i];
    phase[i] = p !== -1 && phase[p] !== OTHER ? phase[p] : OTHER;
  }
  const weight = new Float64Array(OTHER + 1);
  for (let g = realCount; g < nodeCount; g++) {
    weight.fill(0);
    let best = -1;
    for (let c = childOffsets[g]; c < childOffsets[g + 1]; c++) {
      const m = children[c];
      if (phase[m] !== OTHER) {
        // +1e-9 so zero-length members still count.
        weight[phase[m]] += end[m] - start[m] + 1e-9;
        if (best === -1 || weight[phase[m]] > weight[best]) {
          best = phase[m];
        }
      }
    }
    phase[g] = best === -1 ? EXECUTION : best;
  }
  return phase;
}

/** Step of every node: its own step attribute, else its real parent's step. */
export function assignSteps(table: SpanTable, tree: StitchedTree, realParent: Int32Array): Int32Array {
  const { nodeCount, realCount, preorder, syntheticStep } = tree;
  const stepOf = new Int32Array(nodeCount).fill(-1);
  for (let k = 0; k < nodeCount; k++) {
    const i = preorder[k];
    if (i >= realCount) {
      stepOf[i] = syntheticStep[i - realCount];
      continue;
    }
    const own = table.ownStep[i];
    const p = realParent[i];
    stepOf[i] = own >= 0 ? own : p !== -1 ? stepOf[p] : -1;
  }
  return stepOf;
}
