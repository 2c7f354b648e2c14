import React, { useRef } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Badge, type BadgeColor, useStyles2 } from '@grafana/ui';
import type { Anomaly, AnomalyKind } from '../../flow/types';
import { testIds } from '../../testIds';

const KIND_LABELS: Record<AnomalyKind, string> = {
  orphan_span: 'Orphan span',
  duplicate_span_id: 'Duplicate span id',
  cycle: 'Cycle',
  negative_duration: 'Negative duration',
  clock_skew: 'Clock skew',
  error_span: 'Error',
  retry: 'Retry',
  missing_finalization: 'Not finalized',
  truncated: 'Truncated',
  partial_trace: 'Incomplete trace',
  slower_than_usual: 'Slower than usual',
};

const KIND_COLORS: Record<AnomalyKind, BadgeColor> = {
  orphan_span: 'orange',
  duplicate_span_id: 'orange',
  cycle: 'red',
  negative_duration: 'orange',
  clock_skew: 'orange',
  error_span: 'red',
  retry: 'purple',
  missing_finalization: 'orange',
  truncated: 'blue',
  partial_trace: 'orange',
  slower_than_usual: 'orange',
};

export interface AnomalyListProps {
  anomalies: Anomaly[];
  /** Called with one of the anomaly's spans; repeated clicks cycle through them. */
  onSelectSpan: (spanId: string) => void;
  /** Listed at most; the rest are counted. */
  max?: number;
}

export function AnomalyList({ anomalies, onSelectSpan, max = 50 }: AnomalyListProps) {
  const styles = useStyles2(getStyles);
  // Which of an anomaly's spans the next click goes to; a ref because it never changes what is drawn.
  const cursors = useRef(new Map<number, number>());
  if (anomalies.length === 0) {
    return (
      <div data-testid={testIds.flow.anomalies} className={styles.none}>
        No anomalies found.
      </div>
    );
  }
  // Root cause first, then the order the model gave.
  const ordered = anomalies
    .map((a, index) => ({ a, index }))
    .sort((x, y) => Number(Boolean(y.a.rootCause)) - Number(Boolean(x.a.rootCause)));
  const shown = ordered.slice(0, max);

  const go = (anomaly: Anomaly, index: number) => {
    if (anomaly.spanIds.length === 0) {
      return;
    }
    const k = cursors.current.get(index) ?? 0;
    cursors.current.set(index, (k + 1) % anomaly.spanIds.length);
    onSelectSpan(anomaly.spanIds[k % anomaly.spanIds.length]);
  };

  return (
    <ul data-testid={testIds.flow.anomalies} className={styles.list} aria-label="Anomalies">
      {shown.map(({ a, index }) => (
        <li key={index} className={styles.item} data-anomaly-kind={a.kind}>
          <Badge
            text={
              a.rootCause ? `${KIND_LABELS[a.kind] ?? a.kind} · likely root cause` : (KIND_LABELS[a.kind] ?? a.kind)
            }
            color={KIND_COLORS[a.kind] ?? 'blue'}
          />
          {a.spanIds.length > 0 ? (
            <button
              type="button"
              className={styles.message}
              onClick={() => go(a, index)}
              title={a.spanIds.length > 1 ? 'Click again for the next span' : 'Show this span'}
            >
              {a.message}
              <span className={styles.count}>
                {a.spanIds.length === 1 ? ' (1 span)' : ` (${a.spanIds.length} spans)`}
              </span>
            </button>
          ) : (
            <span className={styles.plain}>{a.message}</span>
          )}
        </li>
      ))}
      {anomalies.length > shown.length && <li className={styles.more}>{anomalies.length - shown.length} more</li>}
    </ul>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    maxHeight: 160,
    overflowY: 'auto',
  }),
  item: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    minWidth: 0,
  }),
  message: css({
    background: 'none',
    border: 'none',
    padding: 0,
    textAlign: 'left',
    color: theme.colors.text.link,
    cursor: 'pointer',
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    unicodeBidi: 'isolate',
    '&:hover': { textDecoration: 'underline' },
  }),
  plain: css({
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    unicodeBidi: 'isolate',
  }),
  count: css({
    color: theme.colors.text.secondary,
  }),
  none: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  more: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
