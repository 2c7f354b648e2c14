import React from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';
import { formatRatio, MIN_HISTORY_RUNS } from '../../history/compare';
import type { ComparedFigure, TaskHistory } from '../../history/types';
import { getFlowTableStyles } from './flowTableStyles';
import { formatMs } from './format';
import type { HistoryCompareState } from './HistoryCompareState';
import { PHASE_LABELS } from './phaseColors';

export interface HistoryCompareProps {
  state: HistoryCompareState;
  /** Step rows listed at most (a task may have thousands of steps). */
  maxSteps?: number;
}

function windowText(days: number): string {
  return days === 1 ? 'the last day' : `the last ${days} days`;
}

function subject(h: TaskHistory): string {
  return h.taskName ? `${h.taskName} in ${h.namespace}` : `tasks of ${h.namespace}`;
}

function label(f: ComparedFigure): string {
  if (f.kind === 'task') {
    return 'Wall time';
  }
  if (f.kind === 'phase' && f.phase) {
    return PHASE_LABELS[f.phase];
  }
  return f.stepName ?? f.label;
}

const SOURCE_TEXT = { metrics: 'TraceQL metrics', sample: 'recent runs' } as const;

/** This run's wall time, phases and steps beside their usual times (p50, p95) over the look-back. */
export function HistoryCompare({ state, maxSteps = 50 }: HistoryCompareProps) {
  const styles = useStyles2(getStyles);
  if (state.status === 'unavailable') {
    return (
      <section className={styles.section} aria-label="Compared with history" data-testid="history-compare">
        <span className={styles.muted}>{state.reason}</span>
      </section>
    );
  }
  if (state.status === 'loading') {
    return (
      <section className={styles.section} aria-label="Compared with history" data-testid="history-compare">
        <span className={styles.muted} data-testid="history-loading">
          <Icon name="spinner" className="fa-spin" /> Comparing with earlier runs of this task…
        </span>
      </section>
    );
  }
  if (state.status === 'error') {
    return (
      <section className={styles.section} aria-label="Compared with history" data-testid="history-compare">
        <span className={styles.warning} data-testid="history-error">
          History could not be loaded: {state.error.title}. {state.error.hint}
        </span>
      </section>
    );
  }
  const { history, comparison } = state;
  const all = comparison.figures;
  const enough = all.some((f) => f.enough);
  const runs = history.task?.runs ?? 0;
  const failed = history.task?.failedRuns ?? 0;
  const steps = all.filter((f) => f.kind === 'step');
  const rows = [...all.filter((f) => f.kind !== 'step'), ...steps.slice(0, maxSteps)];
  const slowCount = comparison.anomalies.length;
  const stepSources = new Set(steps.map((f) => f.history?.source).filter(Boolean));

  return (
    <section className={styles.section} aria-label="Compared with history" data-testid="history-compare">
      <div className={styles.summary}>
        <strong>Compared with history</strong>
        {enough ? (
          <span data-testid="history-summary">
            {runs} other successful run{runs === 1 ? '' : 's'} of {subject(history)} in{' '}
            {windowText(history.lookbackDays)}
            {failed > 0 ? ` (${failed} failed, kept apart)` : ''}
            {stepSources.has('metrics') ? '; step times from TraceQL metrics' : ''}.{' '}
            {slowCount > 0 ? (
              <span className={styles.slowText}>
                {slowCount} {slowCount === 1 ? 'part is' : 'parts are'} slower than usual.
              </span>
            ) : (
              'Nothing is slower than usual.'
            )}
          </span>
        ) : (
          <span data-testid="history-too-little">
            Too little history to compare: {runs} other successful run{runs === 1 ? '' : 's'} of {subject(history)} in{' '}
            {windowText(history.lookbackDays)} (at least {MIN_HISTORY_RUNS} needed). Nothing is claimed.
          </span>
        )}
      </div>
      {history.notes.map((note) => (
        <div key={note} className={styles.muted}>
          {note}
        </div>
      ))}
      {enough && (
        <div className={styles.tableWrap}>
          <table className={styles.table} data-testid="history-table">
            <thead>
              <tr>
                <th>Part</th>
                <th className={styles.num}>This run</th>
                <th className={styles.num}>Usual (p50)</th>
                <th className={styles.num}>p95</th>
                <th className={styles.num}>× p50</th>
                <th className={styles.num}>Runs</th>
                <th>From</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f, i) => (
                <tr
                  key={`${f.kind}:${f.stepUuid ?? f.phase ?? ''}:${i}`}
                  className={cx(f.slow && styles.slowRow)}
                  data-slow={f.slow ? 'true' : undefined}
                  data-kind={f.kind}
                >
                  <td className={styles.name}>
                    <span title={f.stepUuid}>{label(f)}</span>
                    {f.slow && <span className={styles.slowText}> slower than usual</span>}
                  </td>
                  <td className={styles.num}>{formatMs(f.valueMs)}</td>
                  <td className={styles.num}>{f.enough ? formatMs(f.history?.p50) : '—'}</td>
                  <td className={styles.num}>{f.enough ? formatMs(f.history?.p95) : '—'}</td>
                  <td className={cx(styles.num, f.slow && styles.slowText)}>
                    {f.enough && f.ratio !== undefined ? formatRatio(f.ratio) : 'too few runs'}
                  </td>
                  <td className={styles.num}>
                    {f.history ? f.history.runs : 0}
                    {f.history && f.history.failedRuns > 0 ? ` (+${f.history.failedRuns} failed)` : ''}
                  </td>
                  <td className={styles.muted}>{f.history ? SOURCE_TEXT[f.history.source] : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {steps.length > maxSteps && (
            <div className={styles.muted}>{steps.length - maxSteps} more steps not listed.</div>
          )}
        </div>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  ...getFlowTableStyles(theme),
  section: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  summary: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    alignItems: 'baseline',
    unicodeBidi: 'isolate',
  }),
  muted: css({
    color: theme.colors.text.secondary,
  }),
  warning: css({
    color: theme.colors.warning.text,
  }),
  slowText: css({
    color: theme.colors.warning.text,
    fontWeight: theme.typography.fontWeightMedium,
  }),
  slowRow: css({
    background: theme.colors.warning.transparent,
  }),
});
