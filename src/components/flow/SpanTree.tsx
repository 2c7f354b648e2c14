import React, { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStyles2, useTheme2 } from '@grafana/ui';
import type { TaskFlow } from '../../flow/types';
import { SpanRow } from './SpanRow';
import { SpanTreeToolbar } from './SpanTreeToolbar';
import { TimeAxis } from './TimeAxis';
import { formatMs } from './format';
import { phaseColors } from './phaseColors';
import { getSpanTreeStyles } from './spanTreeStyles';
import { TreeState, filterHits } from './treeState';
import { useElementHeight } from './useElementHeight';

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
const SEARCH_DEBOUNCE_MS = 200;

/**
 * The task's spans as a tree beside a waterfall on one time axis. Virtualised: only the rows in the viewport (plus
 * overscan) exist in the DOM, drawn by a fixed pool of row components keyed by `row % poolSize`. Tree state lives in
 * typed arrays (TreeState); React state only holds a version counter and the window's first row.
 */
export function SpanTree({
  flow,
  selectedIndex,
  onSelect,
  height,
  rowHeight = DEFAULT_ROW_HEIGHT,
  overscan = 8,
}: SpanTreeProps) {
  const styles = useStyles2(getSpanTreeStyles);
  const theme = useTheme2();
  const colors = useMemo(() => phaseColors(theme), [theme]);

  const tree = useMemo(() => {
    const t = new TreeState(flow);
    // Start with roots and their children open: a task's first levels are its traces and steps.
    for (const rootId of flow.roots) {
      t.expanded[flow.indexOf(rootId)] = 1;
    }
    t.recompute();
    return t;
  }, [flow]);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  const scrollerRef = useRef<HTMLDivElement>(null);
  const measured = useElementHeight(scrollerRef, height === undefined);
  const viewport = height ?? (measured > 0 ? measured : FALLBACK_HEIGHT);
  const [firstRow, setFirstRow] = useState(0);
  const firstRowRef = useRef(0);
  const [activeIndex, setActiveIndex] = useState(-1);

  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  // The latest filters for the search timer, which may fire after a toggle changed them.
  const filtersRef = useRef<Filters>(NO_FILTERS);
  const searchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const matchCursor = useRef(-1);
  const [criticalPath, setCriticalPath] = useState(false);

  const updateFilters = useCallback(
    (patch: Partial<Filters>) => {
      const next = { ...filtersRef.current, ...patch };
      filtersRef.current = next;
      matchCursor.current = -1;
      tree.setFilter(filterHits(flow, next.matches, next.matchesOnly, next.errorsOnly));
      setFilters(next);
      refresh();
    },
    [tree, flow, refresh]
  );

  const onSearchChange = useCallback(
    (text: string) => {
      setSearch(text);
      clearTimeout(searchTimer.current);
      // Searching 100k spans on every keystroke would stutter: wait for typing to pause.
      searchTimer.current = setTimeout(() => {
        const q = text.trim();
        updateFilters({ matches: q ? flow.search(q) : null });
      }, SEARCH_DEBOUNCE_MS);
    },
    [flow, updateFilters]
  );
  useEffect(() => () => clearTimeout(searchTimer.current), []);
  const onMatchesOnlyChange = useCallback((on: boolean) => updateFilters({ matchesOnly: on }), [updateFilters]);
  const onErrorsOnlyChange = useCallback((on: boolean) => updateFilters({ errorsOnly: on }), [updateFilters]);

  const { matches, matchesOnly, errorsOnly } = filters;
  const matchMask = useMemo(() => {
    if (!matches) {
      return null;
    }
    const mask = new Uint8Array(flow.spanCount);
    for (const i of matches) {
      mask[i] = 1;
    }
    return mask;
  }, [flow, matches]);

  // A selection made elsewhere (anomaly list, URL, log line) opens the span's ancestors; the layout effect below
  // scrolls to it. Adjusting during render (not in an effect) keeps it to one render.
  const [revealed, setRevealed] = useState(-1);
  if (selectedIndex !== revealed) {
    setRevealed(selectedIndex);
    if (selectedIndex >= 0 && selectedIndex < flow.spanCount) {
      tree.reveal(selectedIndex);
      setActiveIndex(selectedIndex);
    }
  }

  const visibleCount = Math.max(1, Math.ceil(viewport / rowHeight));
  const poolSize = visibleCount + 2 * overscan + 1;

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
      if (scrollTop !== el.scrollTop) {
        el.scrollTop = scrollTop;
      }
      // Do not wait for the scroll event (none comes when the browser clamps, nor in jsdom).
      const first = Math.floor(scrollTop / rowHeight);
      if (first !== firstRowRef.current) {
        firstRowRef.current = first;
        setFirstRow(first);
      }
    },
    [rowHeight, viewport]
  );

  useLayoutEffect(() => {
    const el = scrollerRef.current;
    const row = selectedIndex >= 0 ? tree.rowOf(selectedIndex) : -1;
    if (el && row >= 0) {
      const top = row * rowHeight;
      if (top < el.scrollTop || top + rowHeight > el.scrollTop + viewport) {
        // Centre it; the scroll event moves the window.
        el.scrollTop = Math.max(0, top - viewport / 2);
      }
    }
  }, [selectedIndex, tree, rowHeight, viewport]);

  const onScroll = useCallback(
    (e: React.UIEvent<HTMLDivElement>) => {
      const first = Math.floor(e.currentTarget.scrollTop / rowHeight);
      if (first !== firstRowRef.current) {
        firstRowRef.current = first;
        setFirstRow(first);
      }
    },
    [rowHeight]
  );

  const toggle = useCallback(
    (spanIndex: number, open?: boolean) => {
      if (tree.setExpanded(spanIndex, open ?? !tree.isExpanded(spanIndex))) {
        refresh();
      }
    },
    [tree, refresh]
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

  const onKeyDown = useCallback(
    (e: React.KeyboardEvent<HTMLDivElement>) => {
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
          moveTo(current + visibleCount);
          break;
        case 'PageUp':
          moveTo(current - visibleCount);
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
    [activeIndex, tree, moveTo, toggle, onSelect, visibleCount]
  );

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
      refresh();
      scrollToRow(row);
    },
    [matches, tree, refresh, scrollToRow]
  );

  const onExpandAll = useCallback(() => {
    tree.expandAll();
    refresh();
  }, [tree, refresh]);

  const onCollapseAll = useCallback(() => {
    tree.collapseAll();
    firstRowRef.current = 0;
    setFirstRow(0);
    if (scrollerRef.current) {
      scrollerRef.current.scrollTop = 0;
    }
    refresh();
  }, [tree, refresh]);

  const rowCount = tree.rowCount;
  const start = Math.max(0, Math.min(firstRow, Math.max(0, rowCount - visibleCount)) - overscan);
  const end = Math.min(rowCount, start + poolSize);
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
    <div className={styles.container} data-version={version}>
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
      <TimeAxis styles={styles} durationMs={flow.durationMs} rowCount={rowCount} spanCount={flow.spanCount} />
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
        data-testid="flow-tree"
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
