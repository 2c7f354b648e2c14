import React from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import type { StepSummary } from '../../flow/types';
import { getFlowTableStyles } from './flowTableStyles';
import { formatMs } from './format';
import { testIds } from '../../testIds';

export interface StepTableProps {
  steps: StepSummary[];
  /** Clicking a step selects its first span. */
  onSelectStep?: (step: StepSummary) => void;
  /** Steps listed at most; the rest are counted (a task may have thousands). */
  maxSteps?: number;
  /** Steps slower than usual (src/history), by step_uuid: highlighted and marked. */
  slowStepUuids?: readonly string[];
}

/** The task's steps in a compact table: attempts, queue wait, execution, result processing. Nothing without steps. */
export function StepTable({ steps: all, onSelectStep, maxSteps = 100, slowStepUuids = [] }: StepTableProps) {
  const styles = useStyles2(getStyles);
  if (all.length === 0) {
    return null;
  }
  const steps = all.slice(0, maxSteps);
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid={testIds.flow.stepTable}>
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
            <tr
              key={s.stepUuid}
              className={cx(s.failed && styles.failed, slowStepUuids.includes(s.stepUuid) && styles.slow)}
              data-slow={slowStepUuids.includes(s.stepUuid) ? 'true' : undefined}
            >
              <td className={styles.name}>
                {onSelectStep && s.spanIds.length > 0 ? (
                  <button type="button" className={styles.link} onClick={() => onSelectStep(s)} title={s.stepUuid}>
                    {s.stepName || s.stepUuid}
                  </button>
                ) : (
                  <span title={s.stepUuid}>{s.stepName || s.stepUuid}</span>
                )}
                {s.failed && <span className={styles.failedMark}> failed</span>}
                {slowStepUuids.includes(s.stepUuid) && <span className={styles.slowMark}> slower than usual</span>}
              </td>
              <td className={cx(styles.num, s.attempts > 1 && styles.retried)}>{s.attempts}</td>
              <td className={styles.num}>{formatMs(s.queueWaitMs)}</td>
              <td className={styles.num}>{formatMs(s.executionMs)}</td>
              <td className={styles.num}>{formatMs(s.resultProcessingMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {all.length > steps.length && (
        <div className={styles.more}>
          {all.length - steps.length} more steps not listed; find them in the tree below.
        </div>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  ...getFlowTableStyles(theme),
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
  slow: css({
    background: theme.colors.warning.transparent,
  }),
  slowMark: css({
    color: theme.colors.warning.text,
    fontWeight: theme.typography.fontWeightMedium,
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
