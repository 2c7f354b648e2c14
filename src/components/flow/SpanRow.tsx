import React, { memo } from 'react';
import { cx } from '@emotion/css';
import type { SpanTreeStyles } from './spanTreeStyles';
import { testIds } from '../../testIds';

export interface SpanRowProps {
  styles: SpanTreeStyles;
  row: number;
  top: number;
  height: number;
  spanIndex: number;
  spanId: string;
  name: string;
  service: string;
  depth: number;
  color: string;
  error: boolean;
  duration: string;
  /** Bar position on the shared time axis, as fractions of the task's duration. */
  barLeft: number;
  barWidth: number;
  hasChildren: boolean;
  expanded: boolean;
  selected: boolean;
  active: boolean;
  match: boolean;
  /** Critical-path highlight on: true on the path, false off it; undefined when the highlight is off. */
  critical?: boolean;
}

/** Deep trees would push names out of view: indentation stops growing past this depth (the depth is in the tooltip). */
const MAX_INDENT_DEPTH = 24;
const INDENT_PX = 14;

/**
 * One row of the virtualised tree. Only primitives as props so `memo` skips rows whose content did not change while
 * the window scrolls; clicks are handled by the list (event delegation), so rows carry no callbacks or state.
 */
function SpanRowImpl(props: SpanRowProps) {
  const { styles, depth, hasChildren, expanded, critical } = props;
  const indent = Math.min(depth, MAX_INDENT_DEPTH) * INDENT_PX;
  const left = Math.min(Math.max(props.barLeft, 0), 1) * 100;
  const width = Math.min(Math.max(props.barWidth, 0), 1 - left / 100) * 100;
  return (
    <div
      role="treeitem"
      id={`flow-row-${props.spanIndex}`}
      data-testid={testIds.flow.row}
      data-span-id={props.spanId}
      data-row={props.row}
      data-span-index={props.spanIndex}
      data-critical={critical}
      aria-level={depth + 1}
      aria-selected={props.selected}
      aria-expanded={hasChildren ? expanded : undefined}
      className={cx(
        styles.row,
        props.active && styles.rowActive,
        props.selected && styles.rowSelected,
        props.match && styles.rowMatch,
        critical === true && styles.rowCritical
      )}
      style={{ transform: `translateY(${props.top}px)`, height: props.height }}
    >
      <div className={styles.nameCell} style={{ paddingLeft: indent }} title={`depth ${depth}`}>
        {hasChildren ? (
          <button
            type="button"
            tabIndex={-1}
            data-toggle="1"
            className={styles.toggle}
            aria-label={expanded ? 'Collapse' : 'Expand'}
          >
            {expanded ? '▾' : '▸'}
          </button>
        ) : (
          <span className={styles.togglePlaceholder} />
        )}
        <span className={styles.swatch} style={{ background: props.color }} />
        {props.error && (
          <span className={styles.errorMark} role="img" aria-label="error">
            !
          </span>
        )}
        <span className={styles.name} title={props.name}>
          {props.name}
        </span>
        <span className={styles.service} title={props.service}>
          {props.service}
        </span>
      </div>
      <div className={styles.timelineCell}>
        <div
          className={cx(styles.bar, props.error && styles.barError, critical === false && styles.barDimmed)}
          style={{ left: `${left}%`, width: `${width}%`, background: props.color }}
        />
        <span className={styles.duration}>{props.duration}</span>
      </div>
    </div>
  );
}

export const SpanRow = memo(SpanRowImpl);
