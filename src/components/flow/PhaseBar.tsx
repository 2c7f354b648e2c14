import React, { useMemo } from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Tooltip, useStyles2, useTheme2 } from '@grafana/ui';
import { PHASES, type Phase, type StepSummary, type TaskFlow } from '../../flow/types';
import { formatMs } from './format';
import { PHASE_LABELS, phaseColors } from './phaseColors';

export interface PhaseBarProps {
  flow: Pick<TaskFlow, 'phaseTotals' | 'durationMs' | 'steps'>;
  /** Clicking a step selects its first span. */
  onSelectStep?: (step: StepSummary) => void;
  /** Steps listed at most; the rest are counted (a task may have thousands). */
  maxSteps?: number;
}

/** Self time per phase as one stacked bar with a legend, and a compact table of the task's steps. */
export function PhaseBar({ flow, onSelectStep, maxSteps = 100 }: PhaseBarProps) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const colors = useMemo(() => phaseColors(theme), [theme]);
  const totals = flow.phaseTotals;
  const sum = PHASES.reduce((acc, p) => acc + finite(totals[p]), 0);
  const parts = PHASES.filter((p) => finite(totals[p]) > 0);
  const steps = flow.steps.slice(0, maxSteps);
  const queueWait = flow.steps.reduce((acc, st) => acc + finite(st.queueWaitMs), 0);

  return (
    <section className={styles.section} aria-label="Phase summary">
      <div data-testid="phase-bar">
        <div className={styles.bar} role="img" aria-label={describe(parts, totals)}>
          {sum === 0 ? (
            <div className={styles.emptyBar}>No phase time recorded</div>
          ) : (
            parts.map((p) => (
              <Tooltip key={p} content={`${PHASE_LABELS[p]}: ${formatMs(totals[p])}`}>
                <div
                  className={styles.segment}
                  data-phase={p}
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
            </li>
          ))}
          {flow.steps.length > 0 && (
            <li className={styles.legendItem} data-testid="phase-queue-wait">
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
      {flow.steps.length > 0 && (
        <div className={styles.tableWrap}>
          <table className={styles.table} data-testid="step-table">
            <thead>
              <tr>
                <th>Step</th>
                <th className={styles.num}>Attempts</th>
                <th className={styles.num}>Queue wait</th>
                <th className={styles.num}>Execution</th>
                <th className={styles.num}>Result processing</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((s) => (
                <tr key={s.stepUuid} className={cx(s.failed && styles.failed)}>
                  <td className={styles.stepName}>
                    {onSelectStep && s.spanIds.length > 0 ? (
                      <button type="button" className={styles.link} onClick={() => onSelectStep(s)} title={s.stepUuid}>
                        {s.stepName || s.stepUuid}
                      </button>
                    ) : (
                      <span title={s.stepUuid}>{s.stepName || s.stepUuid}</span>
                    )}
                    {s.failed && <span className={styles.failedMark}> failed</span>}
                  </td>
                  <td className={cx(styles.num, s.attempts > 1 && styles.retried)}>{s.attempts}</td>
                  <td className={styles.num}>{formatMs(s.queueWaitMs)}</td>
                  <td className={styles.num}>{formatMs(s.executionMs)}</td>
                  <td className={styles.num}>{formatMs(s.resultProcessingMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {flow.steps.length > steps.length && (
            <div className={styles.more}>
              {flow.steps.length - steps.length} more steps not listed; find them in the tree below.
            </div>
          )}
        </div>
      )}
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
  tableWrap: css({
    maxHeight: 220,
    overflowY: 'auto',
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
  }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
    'th, td': {
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
    },
    th: {
      position: 'sticky',
      top: 0,
      background: theme.colors.background.secondary,
      fontWeight: theme.typography.fontWeightMedium,
    },
  }),
  num: css({
    textAlign: 'right !important' as 'right',
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
  }),
  stepName: css({
    maxWidth: 320,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    unicodeBidi: 'isolate',
  }),
  link: css({
    background: 'none',
    border: 'none',
    padding: 0,
    color: theme.colors.text.link,
    cursor: 'pointer',
    unicodeBidi: 'isolate',
    '&:hover': { textDecoration: 'underline' },
  }),
  failed: css({
    background: theme.colors.error.transparent,
  }),
  failedMark: css({
    color: theme.colors.error.text,
  }),
  retried: css({
    color: theme.colors.warning.text,
    fontWeight: theme.typography.fontWeightBold,
  }),
  more: css({
    padding: theme.spacing(0.5, 1),
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
