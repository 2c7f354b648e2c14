import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { EmptyState, LinkButton, useStyles2 } from '@grafana/ui';
import { DEFAULT_LOG_LIMIT, queryFilterLogs, type FilterLogs } from '../data/logs';
import { prefixRoute, ROUTES } from '../constants';
import { FilterPageLayout } from '../components/filters/FilterPageLayout';
import { useFilterPage, type FilterPageOptions } from '../components/filters/useFilterPage';
import { LogList } from '../components/logs/LogList';
import { describeTaskLogIds } from '../components/logs/describeLogIds';
import { LimitPicker } from '../components/tasks/LimitPicker';
import { testIds } from '../testIds';

const LINE_CHOICES = [100, 500, 1000, 5000];
const MAX_LINES = 5000;

const LOG_SEARCH: FilterPageOptions<FilterLogs> = {
  // A task named by id also brings the lines that carry only one of its traces (tasker-core's OTLP logs).
  search: (filter, range, settings, options) => queryFilterLogs(filter, range, settings, options),
  action: 'Loki query',
  defaultLimit: () => DEFAULT_LOG_LIMIT,
  maxLimit: MAX_LINES,
  previewTraceLimit: (_limit, settings) => settings.searchLimit,
};

/** Tasker's logs from Loki for the same filters as the task list, each line linked to its task and trace. */
function LogsPage() {
  const styles = useStyles2(getStyles);
  const page = useFilterPage(LOG_SEARCH);
  const { state, limit } = page;

  return (
    <FilterPageLayout
      page={page}
      mode="logs"
      resultsLabel="Log lines"
      loadingText="Reading logs from Loki…"
      toolbar={
        <>
          <LimitPicker
            value={limit}
            onChange={page.setLimit}
            choices={LINE_CHOICES}
            tooltip="Log lines shown at most (the newest first)"
            testId={testIds.logs.limit}
          />
          <LinkButton
            variant="secondary"
            fill="text"
            icon="list-ul"
            href={`${prefixRoute(ROUTES.Tasks)}?${tasksParams(page.params)}`}
            data-testid={testIds.logs.toTasks}
          >
            Tasks for this filter
          </LinkButton>
        </>
      }
    >
      {state.status === 'done' && state.data.task && (
        <div className={styles.summary} data-testid="logs-searched-by">
          Lines of the task: searched by {describeTaskLogIds(state.data.task)}
        </div>
      )}
      {state.status === 'done' && state.data.rows.length === 0 && (
        <div data-testid={testIds.logs.empty}>
          <EmptyState variant="not-found" message="No log lines found">
            <ul className={styles.tips}>
              <li>Widen the time range or remove a filter.</li>
              <li>
                Tasker sends logs to Loki only with OTEL_LOGS_ENABLED=true; check the log mode and stream label on the
                app’s configuration page.
              </li>
            </ul>
          </EmptyState>
        </div>
      )}
      {state.status === 'done' && state.data.rows.length > 0 && (
        <>
          <div className={styles.summary} data-testid={testIds.logs.count}>
            {state.data.rows.length === 1 ? '1 line' : `${state.data.rows.length} lines`}
            {state.data.rows.length >= limit && ` (the newest ${limit})`}
          </div>
          <LogList rows={state.data.rows} />
        </>
      )}
    </FilterPageLayout>
  );
}

export default LogsPage;

/** The same filter and range for the Tasks page (the line limit and the log-only fields stay here). */
function tasksParams(params: URLSearchParams): string {
  const p = new URLSearchParams(params);
  for (const name of ['limit', 'text', 'level']) {
    p.delete(name);
  }
  return p.toString();
}

const getStyles = (theme: GrafanaTheme2) => ({
  summary: css({ color: theme.colors.text.secondary }),
  tips: css({ textAlign: 'left', margin: theme.spacing(1, 0, 0, 2) }),
});
