import type { TaskFlow } from '../../flow/types';
import type { TreeState } from './treeState';

/**
 * What the span tree hands to its successor when the flow under it is rebuilt with more traces (a task loading
 * progressively): the open spans, by id (indices change between flows), and the scroll offset. Owned by the
 * flow view, one per task.
 */
export class TreeCarry {
  private expandedIds: string[] | undefined;
  scrollTop = 0;

  noteScroll(top: number): void {
    this.scrollTop = top;
  }

  /** Notes the open spans of `tree` (a flow about to be replaced). */
  saveExpanded(flow: TaskFlow, tree: TreeState): void {
    const ids: string[] = [];
    for (let i = 0; i < tree.size; i++) {
      if (tree.expanded[i] === 1) {
        ids.push(flow.idAt(i));
      }
    }
    this.expandedIds = ids;
  }

  /** Opens in `tree` (of the new flow) the spans open before; spans new to this flow keep their defaults. */
  restoreExpanded(flow: TaskFlow, tree: TreeState): void {
    for (const id of this.expandedIds ?? []) {
      const i = flow.indexOf(id);
      if (i >= 0) {
        tree.expanded[i] = 1;
      }
    }
  }
}
