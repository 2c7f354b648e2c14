import React, { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStyles2, useTheme2 } from '@grafana/ui';
import type { TaskFlow } from '../../flow/types';
import { testIds } from '../../testIds';
import { SpanRow } from './SpanRow';
import { SpanTreeToolbar } from './SpanTreeToolbar';
import { TimeAxis } from './TimeAxis';
import { formatMs } from './format';
import { phaseColors } from './phaseColors';
import { getSpanTreeStyles } from './spanTreeStyles';
import type { TreeCarry } from './treeCarry';
import { filterHits } from './treeState';
import { useDebouncedSearch } from './useDebouncedSearch';
import { useElementHeight } from './useElementHeight';
import { useRevealSelection } from './useRevealSelection';
import { useTreeKeyboard } from './useTreeKeyboard';
import { useTreeState } from './useTreeState';
import { useVirtualWindow } from './useVirtualWindow';

export interface SpanTreeProps {
  flow: TaskFlow;
  /** Span index of the selected span, -1 for none. Changing it from outside reveals and scrolls to the span. */
  selectedIndex: number;
  onSelect: (spanIndex: number) => void;
  /** Viewport height in px. When absent the list measures itself (jsdom has no layout: tests pass it). */
  height?: number;
  rowHeight?: number;
  /** Rows rendered above and below the viewport. */
  overscan?: number;
  /** Open spans and scroll offset handed from the tree of the previous flow of the same task (progressive load). */
  carry?: TreeCarry;
}

const DEFAULT_ROW_HEIGHT = 28;

interface Filters {
  /** Span indices the search matched; null without a search. */
  matches: number[] | null;
  matchesOnly: boolean;
  errorsOnly: boolean;
}

const NO_FILTERS: Filters = { matches: null, matchesOnly: false, errorsOnly: false };
const FALLBACK_HEIGHT = 560;

/**
 * The task's spans as a tree beside a waterfall on one time axis. Virtualised (useVirtualWindow): only the rows in
 * the viewport (plus overscan) exist in the DOM, drawn by a fixed pool of row components keyed by `row % poolSize`.
 * Tree state lives in typed arrays (TreeState), an external store this component subscribes to (useTreeState).
 */
export function SpanTree({
  flow,
  selectedIndex,
  onSelect,
  height,
  rowHeight = DEFAULT_ROW_HEIGHT,
  overscan = 8,
  carry,
}: SpanTreeProps) {
  const styles = useStyles2(getSpanTreeStyles);
  const theme = useTheme2();
  const colors = useMemo(() => phaseColors(theme), [theme]);
  const tree = useTreeState(flow, carry);

  const scrollerRef = useRef<HTMLDivElement>(null);
  const measured = useElementHeight(scrollerRef, height === undefined);
  const viewport = height ?? (measured > 0 ? measured : FALLBACK_HEIGHT);
  const noteScroll = useCallback((top: number) => carry?.noteScroll(top), [carry]);
  const { start, end, poolSize, visibleCount, onScroll, scrollToRow, scrollTo } = useVirtualWindow(
    scrollerRef,
    tree.rowCount,
    rowHeight,
    viewport,
    overscan,
    noteScroll
  );
  const [activeIndex, setActiveIndex] = useState(-1);

  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  // The latest filters for the search timer, which may fire after a toggle changed them.
  const filtersRef = useRef<Filters>(NO_FILTERS);
  const matchCursor = useRef(-1);
  const [criticalPath, setCriticalPath] = useState(false);

  const updateFilters = useCallback(
    (patch: Partial<Filters>) => {
      const next = { ...filtersRef.current, ...patch };
      filtersRef.current = next;
      matchCursor.current = -1;
      setFilters(next);
      tree.setFilter(filterHits(flow, next.matches, next.matchesOnly, next.errorsOnly));
    },
    [tree, flow]
  );

  const [search, onSearchChange] = useDebouncedSearch(
    useCallback((q: string) => updateFilters({ matches: q ? flow.search(q) : null }), [flow, updateFilters])
  );
  const onMatchesOnlyChange = useCallback((on: boolean) => updateFilters({ matchesOnly: on }), [updateFilters]);
  const onErrorsOnlyChange = useCallback((on: boolean) => updateFilters({ errorsOnly: on }), [updateFilters]);

  const { matches, matchesOnly, errorsOnly } = filters;
  const matchMask = useMemo(() => {
    if (!matches) {
      return null;
    }
    const mask = new Uint8Array(flow.nodeCount);
    for (const i of matches) {
      mask[i] = 1;
    }
    return mask;
  }, [flow, matches]);

  useRevealSelection({ tree, selectedIndex, setActiveIndex, scrollerRef, scrollTo, rowHeight, viewport });

  // Hand the open spans to the next flow of this task; take the scroll offset the previous one left.
  useLayoutEffect(() => () => carry?.saveExpanded(flow, tree), [carry, flow, tree]);
  useLayoutEffect(() => {
    const el = scrollerRef.current;
    if (carry && el && carry.scrollTop > 0 && el.scrollTop === 0) {
      scrollTo(carry.scrollTop);
    }
    // Once, on mount: later scrolling is the user's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const toggle = useCallback(
    (spanIndex: number, open?: boolean) => {
      tree.setExpanded(spanIndex, open ?? !tree.isExpanded(spanIndex));
    },
    [tree]
  );

  const onRowsClick = useCallback(
    (e: React.MouseEvent<HTMLDivElement>) => {
      const target = e.target as HTMLElement;
      const rowEl = target.closest<HTMLElement>('[data-span-index]');
      if (!rowEl) {
        return;
      }
      const spanIndex = Number(rowEl.dataset.spanIndex);
      setActiveIndex(spanIndex);
      if (target.closest('[data-toggle]')) {
        toggle(spanIndex);
      } else {
        onSelect(spanIndex);
      }
    },
    [toggle, onSelect]
  );

  const moveTo = useCallback(
    (row: number) => {
      if (tree.rowCount === 0) {
        return;
      }
      const clamped = Math.min(Math.max(row, 0), tree.rowCount - 1);
      setActiveIndex(tree.spanAtRow(clamped));
      scrollToRow(clamped);
    },
    [tree, scrollToRow]
  );

  const onKeyDown = useTreeKeyboard({ tree, activeIndex, moveTo, toggle, onSelect, pageSize: visibleCount });

  const onNextMatch = useCallback(
    (direction: 1 | -1) => {
      if (!matches || matches.length === 0) {
        return;
      }
      // search() returns indices, not pre-order: walk them in tree order.
      const ordered = [...matches].sort((a, b) => tree.positionOf[a] - tree.positionOf[b]);
      matchCursor.current = (matchCursor.current + direction + ordered.length) % ordered.length;
      const spanIndex = ordered[matchCursor.current];
      const row = tree.rowOf(spanIndex) >= 0 ? tree.rowOf(spanIndex) : tree.reveal(spanIndex);
      setActiveIndex(spanIndex);
      scrollToRow(row);
    },
    [matches, tree, scrollToRow]
  );

  const onExpandAll = useCallback(() => tree.expandAll(), [tree]);

  const onCollapseAll = useCallback(() => {
    tree.collapseAll();
    scrollTo(0);
  }, [tree, scrollTo]);

  const rowCount = tree.rowCount;
  const span = flow.durationMs > 0 ? flow.durationMs : 1;

  const rows: React.ReactNode[] = [];
  for (let r = start; r < end; r++) {
    const position = tree.rows[r];
    const i = tree.spanAtRow(r);
    rows.push(
      <SpanRow
        key={r % poolSize}
        styles={styles}
        row={r}
        top={r * rowHeight}
        height={rowHeight}
        spanIndex={i}
        spanId={flow.idAt(i)}
        name={flow.nameAt(i)}
        service={flow.serviceAt(i)}
        depth={flow.depthAt(i)}
        color={colors[flow.phaseAt(i)] ?? colors.other}
        error={flow.errorAt(i)}
        duration={formatMs(flow.durationAt(i))}
        barLeft={(flow.startAt(i) - flow.startMs) / span}
        barWidth={flow.durationAt(i) / span}
        hasChildren={tree.hasChildren(position)}
        expanded={tree.isExpanded(i)}
        selected={i === selectedIndex}
        active={i === activeIndex}
        match={matchMask !== null && matchMask[i] === 1}
        critical={criticalPath ? flow.onCriticalPathAt(i) : undefined}
      />
    );
  }

  return (
    <div className={styles.container}>
      <SpanTreeToolbar
        search={search}
        onSearchChange={onSearchChange}
        matchCount={matches ? matches.length : null}
        onNextMatch={onNextMatch}
        matchesOnly={matchesOnly}
        onMatchesOnlyChange={onMatchesOnlyChange}
        errorsOnly={errorsOnly}
        onErrorsOnlyChange={onErrorsOnlyChange}
        criticalPath={criticalPath}
        onCriticalPathChange={setCriticalPath}
        onExpandAll={onExpandAll}
        onCollapseAll={onCollapseAll}
      />
      <TimeAxis
        styles={styles}
        durationMs={flow.durationMs}
        rowCount={tree.rowsBelow(flow.spanCount)}
        spanCount={flow.spanCount}
      />
      <div
        ref={scrollerRef}
        className={styles.scroller}
        style={height === undefined ? { minHeight: 240 } : { height, flex: 'none' }}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        tabIndex={0}
        role="tree"
        aria-label="Spans of the task"
        aria-activedescendant={activeIndex >= 0 && tree.rowOf(activeIndex) >= 0 ? `flow-row-${activeIndex}` : undefined}
        data-testid={testIds.flow.tree}
      >
        {rowCount === 0 ? (
          <div className={styles.empty}>
            {tree.filtered ? 'No span matches the filters. Clear the search or turn off "only" filters.' : 'No spans.'}
          </div>
        ) : (
          <div className={styles.spacer} style={{ height: rowCount * rowHeight }} onClick={onRowsClick}>
            {rows}
          </div>
        )}
      </div>
    </div>
  );
}
