import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Badge, ClipboardButton, useStyles2 } from '@grafana/ui';
import type { Anomaly, TaskFlow } from '../../flow/types';
import { AnomalyList } from './AnomalyList';
import { formatMs, formatTime } from './format';
import { testIds } from '../../testIds';

export interface FlowHeaderProps {
  flow: TaskFlow;
  /** The id from the URL (correlation_id, task_uuid or trace id), shown when the spans carry no task ids. */
  requestedId: string;
  mode: 'task' | 'trace';
  onSelectSpan: (spanId: string) => void;
  /**
   * The anomalies to list when more than the model's (e.g. "slower than usual" once the history is in); null while
   * they are not known yet (the flow's summaries follow the first paint of its tree).
   */
  anomalies?: Anomaly[] | null;
  /** Buttons at the end of the title row (Export). */
  actions?: React.ReactNode;
}

const STATUS_BADGE = {
  error: { text: 'Error', color: 'red', icon: 'exclamation-triangle' },
  ok: { text: 'Completed', color: 'green', icon: 'check' },
  unset: { text: 'Not finalized', color: 'blue', icon: 'clock-nine' },
} as const;

function IdField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.field}>
      <span className={styles.label}>{label}</span>
      <code className={styles.id} data-testid={testId} title={value}>
        {value}
      </code>
      <ClipboardButton
        icon="copy"
        variant="secondary"
        fill="text"
        size="sm"
        getText={() => value}
        aria-label={`Copy ${label}`}
      />
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.field}>
      <span className={styles.label}>{label}</span>
      <span className={styles.value} title={value}>
        {value}
      </span>
    </div>
  );
}

/** Who the task is (ids to copy), how it ended, how long it took, and what looks wrong in its telemetry. */
export function FlowHeader({ flow, requestedId, mode, onSelectSpan, actions, anomalies }: FlowHeaderProps) {
  const styles = useStyles2(getStyles);
  const badge = STATUS_BADGE[flow.status] ?? STATUS_BADGE.unset;
  const noTaskIds = !flow.correlationId && !flow.taskUuid;
  return (
    <header className={styles.header} data-testid={testIds.flow.header}>
      <div className={styles.titleRow}>
        <h2 className={styles.title} title={flow.taskName}>
          {flow.taskName || (mode === 'trace' ? 'Trace' : 'Task')}
        </h2>
        <Badge text={badge.text} color={badge.color} icon={badge.icon} data-testid={testIds.flow.status} />
        {actions && <div className={styles.actions}>{actions}</div>}
      </div>
      <div className={styles.facts}>
        {flow.correlationId && (
          <IdField label="correlation_id" value={flow.correlationId} testId={testIds.flow.correlationId} />
        )}
        {flow.taskUuid && <IdField label="task_uuid" value={flow.taskUuid} testId={testIds.flow.taskUuid} />}
        {noTaskIds && (
          <IdField label={mode === 'trace' ? 'trace id' : 'id'} value={requestedId} testId={testIds.flow.requestedId} />
        )}
        {flow.namespace && <Fact label="namespace" value={flow.namespace} />}
        <Fact label="started" value={formatTime(flow.startMs)} />
        <Fact label="duration" value={formatMs(flow.durationMs)} />
        <Fact label="traces" value={String(flow.traceIds.length)} />
        <Fact label="spans" value={flow.spanCount.toLocaleString('en-US')} />
      </div>
      {anomalies !== null && <AnomalyList anomalies={anomalies ?? flow.anomalies} onSelectSpan={onSelectSpan} />}
    </header>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  header: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  }),
  titleRow: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    minWidth: 0,
  }),
  actions: css({
    marginLeft: 'auto',
  }),
  title: css({
    margin: 0,
    fontSize: theme.typography.h4.fontSize,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    unicodeBidi: 'isolate',
  }),
  facts: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5, 3),
    alignItems: 'center',
  }),
  field: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    minWidth: 0,
  }),
  label: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  id: css({
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    maxWidth: 360,
    unicodeBidi: 'isolate',
  }),
  value: css({
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    maxWidth: 280,
    unicodeBidi: 'isolate',
  }),
});
