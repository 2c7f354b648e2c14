import { type RefObject, useLayoutEffect } from 'react';
import type { TreeState } from './treeState';

/**
 * A span selected from outside the tree (anomaly list, URL, log line, step table) gets a row and comes into view:
 * its ancestors open, the keyboard focus moves to it, and the list scrolls to centre it when it is off screen.
 * Layout effects, so the opened rows and the scroll land before the browser paints.
 */
export function useRevealSelection(options: {
  tree: TreeState;
  selectedIndex: number;
  setActiveIndex: (spanIndex: number) => void;
  scrollerRef: RefObject<HTMLElement>;
  scrollTo: (top: number) => void;
  rowHeight: number;
  viewport: number;
}): void {
  const { tree, selectedIndex, setActiveIndex, scrollerRef, scrollTo, rowHeight, viewport } = options;
  useLayoutEffect(() => {
    if (selectedIndex >= 0 && selectedIndex < tree.size) {
      tree.reveal(selectedIndex);
      setActiveIndex(selectedIndex);
    }
  }, [tree, selectedIndex, setActiveIndex]);

  useLayoutEffect(() => {
    const el = scrollerRef.current;
    const row = selectedIndex >= 0 ? tree.rowOf(selectedIndex) : -1;
    if (el && row >= 0) {
      const top = row * rowHeight;
      if (top < el.scrollTop || top + rowHeight > el.scrollTop + viewport) {
        scrollTo(Math.max(0, top - viewport / 2));
      }
    }
  }, [tree, selectedIndex, scrollerRef, scrollTo, rowHeight, viewport]);
}
