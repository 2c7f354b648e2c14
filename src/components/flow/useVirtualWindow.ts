import { type RefObject, useCallback, useRef, useState } from 'react';

export interface VirtualWindow {
  /** First and one-past-last row rendered (viewport plus overscan). */
  start: number;
  end: number;
  /** Row components in the pool: rows are keyed by `row % poolSize`, so scrolling reuses them. */
  poolSize: number;
  /** Rows that fit in the viewport. */
  visibleCount: number;
  onScroll: (e: React.UIEvent<HTMLElement>) => void;
  /** Scrolls just enough to show `row`. */
  scrollToRow: (row: number) => void;
  /** Sets the scroll offset (e.g. back to the top) and moves the window with it. */
  scrollTo: (top: number) => void;
}

/**
 * Which rows of a long list to render: those in the viewport of `scrollerRef` plus `overscan` above and below,
 * following its scroll position. Fixed row height; `rowCount` rows in all.
 */
export function useVirtualWindow(
  scrollerRef: RefObject<HTMLElement>,
  rowCount: number,
  rowHeight: number,
  viewport: number,
  overscan: number,
  onScrolled?: (top: number) => void
): VirtualWindow {
  const [firstRow, setFirstRow] = useState(0);
  const firstRowRef = useRef(0);
  const follow = useCallback(
    (scrollTop: number) => {
      const first = Math.floor(scrollTop / rowHeight);
      if (first !== firstRowRef.current) {
        firstRowRef.current = first;
        setFirstRow(first);
      }
    },
    [rowHeight]
  );

  const onScroll = useCallback(
    (e: React.UIEvent<HTMLElement>) => {
      onScrolled?.(e.currentTarget.scrollTop);
      follow(e.currentTarget.scrollTop);
    },
    [follow, onScrolled]
  );

  const scrollTo = useCallback(
    (top: number) => {
      const el = scrollerRef.current;
      if (el && el.scrollTop !== top) {
        el.scrollTop = top;
      }
      // Do not wait for the scroll event (none comes when the browser clamps, nor in jsdom).
      follow(top);
    },
    [scrollerRef, follow]
  );

  const scrollToRow = useCallback(
    (row: number) => {
      const el = scrollerRef.current;
      if (row < 0 || !el) {
        return;
      }
      const top = row * rowHeight;
      let scrollTop = el.scrollTop;
      if (top < scrollTop) {
        scrollTop = top;
      } else if (top + rowHeight > scrollTop + viewport) {
        scrollTop = top + rowHeight - viewport;
      }
      scrollTo(scrollTop);
    },
    [scrollerRef, rowHeight, viewport, scrollTo]
  );

  const visibleCount = Math.max(1, Math.ceil(viewport / rowHeight));
  const poolSize = visibleCount + 2 * overscan + 1;
  const start = Math.max(0, Math.min(firstRow, Math.max(0, rowCount - visibleCount)) - overscan);
  const end = Math.min(rowCount, start + poolSize);
  return { start, end, poolSize, visibleCount, onScroll, scrollToRow, scrollTo };
}
