import React, { useMemo } from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Tooltip, useStyles2, useTheme2 } from '@grafana/ui';
import { PHASES, type Phase, type TaskFlow } from '../../flow/types';
import { formatMs } from './format';
import { PHASE_LABELS, phaseColors } from './phaseColors';
import { testIds } from '../../testIds';

export interface PhaseBarProps {
  /** The steps are read for their queue wait only (the step table lists them: StepTable.tsx). */
  flow: Pick<TaskFlow, 'phaseTotals' | 'durationMs' | 'steps'>;
  /** Phases slower than usual (src/history): outlined in the bar and marked in the legend. */
  slowPhases?: readonly Phase[];
}

/** Self time per phase as one stacked bar with a legend (queue wait and wall time beside it). */
export function PhaseBar({ flow, slowPhases = [] }: PhaseBarProps) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const colors = useMemo(() => phaseColors(theme), [theme]);
  const totals = flow.phaseTotals;
  const sum = PHASES.reduce((acc, p) => acc + finite(totals[p]), 0);
  const parts = PHASES.filter((p) => finite(totals[p]) > 0);
  const queueWait = flow.steps.reduce((acc, st) => acc + finite(st.queueWaitMs), 0);

  return (
    <section className={styles.section} aria-label="Phase summary">
      <div data-testid={testIds.flow.phaseBar}>
        <div className={styles.bar} role="img" aria-label={describe(parts, totals)}>
          {sum === 0 ? (
            <div className={styles.emptyBar}>No phase time recorded</div>
          ) : (
            parts.map((p) => (
              <Tooltip
                key={p}
                content={`${PHASE_LABELS[p]}: ${formatMs(totals[p])}${slowPhases.includes(p) ? ', slower than usual' : ''}`}
              >
                <div
                  className={cx(styles.segment, slowPhases.includes(p) && styles.slowSegment)}
                  data-phase={p}
                  data-slow={slowPhases.includes(p) ? 'true' : undefined}
                  style={{ width: `${(finite(totals[p]) / sum) * 100}%`, background: colors[p] }}
                />
              </Tooltip>
            ))
          )}
        </div>
        <ul className={styles.legend}>
          {PHASES.map((p) => (
            <li key={p} className={cx(styles.legendItem, finite(totals[p]) === 0 && styles.legendEmpty)}>
              <span className={styles.swatch} style={{ background: colors[p] }} />
              <span>{PHASE_LABELS[p]}</span>
              <span className={styles.value}>{formatMs(finite(totals[p]))}</span>
              {sum > 0 && <span className={styles.share}>{Math.round((finite(totals[p]) / sum) * 100)}%</span>}
              {slowPhases.includes(p) && <span className={styles.slowMark}>slower than usual</span>}
            </li>
          ))}
          {flow.steps.length > 0 && (
            <li className={styles.legendItem} data-testid={testIds.flow.phaseQueueWait}>
              <span>Queue wait, all steps</span>
              <span className={styles.value}>{formatMs(queueWait)}</span>
            </li>
          )}
          <li className={styles.legendItem}>
            <span>Wall time</span>
            <span className={styles.value}>{formatMs(flow.durationMs)}</span>
          </li>
        </ul>
      </div>
    </section>
  );
}

function finite(n: number | undefined): number {
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : 0;
}

function describe(parts: Phase[], totals: Record<Phase, number>): string {
  if (parts.length === 0) {
    return 'No phase time recorded';
  }
  return 'Time per phase: ' + parts.map((p) => `${PHASE_LABELS[p]} ${formatMs(totals[p])}`).join(', ');
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  }),
  bar: css({
    display: 'flex',
    height: theme.spacing(3),
    borderRadius: theme.shape.radius.default,
    overflow: 'hidden',
    background: theme.colors.background.secondary,
  }),
  segment: css({
    height: '100%',
    minWidth: 2,
  }),
  emptyBar: css({
    padding: theme.spacing(0, 1),
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    lineHeight: theme.spacing(3),
  }),
  legend: css({
    listStyle: 'none',
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5, 2),
    margin: theme.spacing(1, 0, 0),
    padding: 0,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  legendItem: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  }),
  legendEmpty: css({
    opacity: 0.5,
  }),
  swatch: css({
    width: 10,
    height: 10,
    borderRadius: 2,
  }),
  value: css({
    fontWeight: theme.typography.fontWeightMedium,
    fontVariantNumeric: 'tabular-nums',
  }),
  share: css({
    color: theme.colors.text.secondary,
  }),
  // Slower than usual (src/history): an inset outline that keeps the phase colour readable.
  slowSegment: css({
    boxShadow: `inset 0 0 0 2px ${theme.colors.warning.main}`,
  }),
  slowMark: css({
    color: theme.colors.warning.text,
    fontWeight: theme.typography.fontWeightMedium,
  }),
});
