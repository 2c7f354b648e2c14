import { useMemo, useSyncExternalStore } from 'react';
import type { TaskFlow } from '../../flow/types';
import type { TreeCarry } from './treeCarry';
import { TreeState } from './treeState';

/**
 * The span tree's expand/collapse and filter state for one flow, as an external store: the component re-renders
 * when its visible rows change (useSyncExternalStore), with no version counter of its own.
 */
export function useTreeState(flow: TaskFlow, carry: TreeCarry | undefined): TreeState {
  const tree = useMemo(() => {
    const t = new TreeState(flow);
    // Start with roots and their children open: a task's first levels are its traces and steps.
    for (const rootId of flow.roots) {
      t.expanded[flow.indexOf(rootId)] = 1;
    }
    carry?.restoreExpanded(flow, t);
    t.recompute();
    return t;
  }, [flow, carry]);
  useSyncExternalStore(tree.subscribe, tree.getVersion);
  return tree;
}
