import React, { useEffect, useMemo, useState } from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2, TimeRange } from '@grafana/data';
import { Alert, Button, LoadingBar, useStyles2 } from '@grafana/ui';
import { type DataError, toDataError } from '../../data/errors';
import { queryLogs, type LogRow, type LogTarget } from '../../data/logs';
import type { ResolvedSettings } from '../../settings/types';
import { LogList } from '../logs/LogList';
import { describeStepLogIds, describeTaskLogIds } from '../logs/describeLogIds';
import { testIds } from '../../testIds';

export interface TaskLogsPanelProps {
  target: LogTarget;
  /** What the logs are of, e.g. "task" or "span handler_execution". User text: rendered as text. */
  subject: string;
  range: TimeRange;
  settings: ResolvedSettings;
  /** Offered when the panel shows one span's logs: go back to the whole task. */
  onShowTaskLogs?: () => void;
  /** A clicked line that names a span of this flow selects it. */
  onSelectLog?: (row: LogRow) => void;
  limit?: number;
  /** Sizing from the layout around the panel (e.g. its share of a column). */
  className?: string;
}

/** Which ids the panel asked Loki for, in words (undefined for a filter, which the query preview shows). */
function searchedBy(target: LogTarget): string | undefined {
  if ('task' in target) {
    return describeTaskLogIds(target.task);
  }
  if ('step' in target) {
    return describeStepLogIds(target.step);
  }
  if ('traceId' in target) {
    return target.spanId ? `trace ${target.traceId}, span ${target.spanId}` : `trace ${target.traceId}`;
  }
  return undefined;
}

type LogsState = { status: 'loading' } | { status: 'error'; error: DataError } | { status: 'done'; rows: LogRow[] };

/** Loki lines of the whole task or of one span, beside the tree. */
export function TaskLogsPanel({
  target,
  subject,
  range,
  settings,
  onShowTaskLogs,
  onSelectLog,
  limit = 200,
  className,
}: TaskLogsPanelProps) {
  const styles = useStyles2(getStyles);
  const [attempt, setAttempt] = useState(0);
  // A target object is rebuilt on every render of the parent: key the request on its content.
  const targetKey = JSON.stringify(target);
  // One object per request: a result is shown only while it answers the current request.
  const request = useMemo(
    () => ({ target: JSON.parse(targetKey) as LogTarget, range, settings, limit, attempt }),
    [targetKey, range, settings, limit, attempt]
  );
  const [result, setResult] = useState<{ request: typeof request; state: LogsState } | undefined>();
  const state: LogsState = result?.request === request ? result.state : { status: 'loading' };

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    queryLogs(request.target, request.range, request.settings, { signal, limit: request.limit }).then(
      (rows) => {
        if (!signal.aborted) {
          setResult({ request, state: { status: 'done', rows } });
        }
      },
      (e: unknown) => {
        if (!signal.aborted) {
          setResult({ request, state: { status: 'error', error: toDataError(e, { action: 'Loading logs' }) } });
        }
      }
    );
    return () => controller.abort();
  }, [request]);

  return (
    <section className={cx(styles.panel, className)} data-testid={testIds.logs.taskLogs} aria-label="Logs">
      <div className={styles.head}>
        <h4 className={styles.title}>
          Logs of <span className={styles.subject}>{subject}</span>
        </h4>
        {onShowTaskLogs && (
          <Button size="sm" variant="secondary" fill="text" onClick={onShowTaskLogs}>
            Show task logs
          </Button>
        )}
      </div>
      {searchedBy(request.target) && (
        <div className={styles.searchedBy} data-testid="task-logs-searched-by">
          Searched by {searchedBy(request.target)}
        </div>
      )}
      {state.status === 'loading' && <LoadingBar width={300} />}
      {state.status === 'error' && (
        <Alert severity={state.error.kind === 'empty' ? 'info' : 'error'} title={state.error.title}>
          <div>{state.error.hint}</div>
          <Button size="sm" variant="secondary" onClick={() => setAttempt((a) => a + 1)}>
            Retry
          </Button>
        </Alert>
      )}
      {state.status === 'done' &&
        (state.rows.length === 0 ? (
          <div className={styles.empty} data-testid={testIds.logs.taskLogsEmpty}>
            No log lines found. Tasker sends logs to Loki only with OTEL_LOGS_ENABLED=true (as OTLP logs, which carry
            the trace_id and span_id of the span they were written in). Widen the time range or check the log settings
            of the app.
          </div>
        ) : (
          <div className={styles.list}>
            <LogList rows={state.rows} onSelect={onSelectLog} layout="compact" />
          </div>
        ))}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    minHeight: 0,
    minWidth: 0,
    padding: theme.spacing(1),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.primary,
  }),
  head: css({
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
  }),
  title: css({
    margin: 0,
    fontSize: theme.typography.h6.fontSize,
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  }),
  subject: css({
    unicodeBidi: 'isolate',
  }),
  list: css({
    minHeight: 0,
    overflow: 'auto',
    flex: 1,
  }),
  searchedBy: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    overflowWrap: 'anywhere',
  }),
  empty: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
