import { useCallback } from 'react';
import type { TreeState } from './treeState';

/**
 * The tree's keyboard, as WAI-ARIA's tree pattern: arrows move (Right opens or steps in, Left closes or goes to the
 * parent), Page Up/Down move a screen, Home/End go to the ends, Enter and Space select.
 */
export function useTreeKeyboard(options: {
  tree: TreeState;
  /** Span index of the row with the keyboard focus, -1 for none. */
  activeIndex: number;
  /** Moves the focus to a row (clamped) and scrolls it into view. */
  moveTo: (row: number) => void;
  toggle: (spanIndex: number, open?: boolean) => void;
  onSelect: (spanIndex: number) => void;
  pageSize: number;
}): (e: React.KeyboardEvent<HTMLElement>) => void {
  const { tree, activeIndex, moveTo, toggle, onSelect, pageSize } = options;
  return useCallback(
    (e: React.KeyboardEvent<HTMLElement>) => {
      const current = activeIndex >= 0 ? tree.rowOf(activeIndex) : -1;
      const hasChildren = current >= 0 && tree.hasChildren(tree.rows[current]);
      switch (e.key) {
        case 'ArrowDown':
          moveTo(current + 1);
          break;
        case 'ArrowUp':
          moveTo(current < 0 ? 0 : current - 1);
          break;
        case 'PageDown':
          moveTo(current + pageSize);
          break;
        case 'PageUp':
          moveTo(current - pageSize);
          break;
        case 'Home':
          moveTo(0);
          break;
        case 'End':
          moveTo(tree.rowCount - 1);
          break;
        case 'ArrowRight':
          if (current < 0) {
            moveTo(0);
          } else if (hasChildren && !tree.isExpanded(activeIndex)) {
            toggle(activeIndex, true);
          } else if (hasChildren) {
            moveTo(current + 1);
          }
          break;
        case 'ArrowLeft':
          if (current < 0) {
            moveTo(0);
          } else if (hasChildren && tree.isExpanded(activeIndex)) {
            toggle(activeIndex, false);
          } else {
            const parent = tree.parentRow(activeIndex);
            if (parent >= 0) {
              moveTo(parent);
            }
          }
          break;
        case 'Enter':
        case ' ':
          if (current >= 0) {
            onSelect(activeIndex);
          }
          break;
        default:
          return;
      }
      e.preventDefault();
    },
    [activeIndex, tree, moveTo, toggle, onSelect, pageSize]
  );
}
