import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { EmptyState, LinkButton, useStyles2 } from '@grafana/ui';
import { DEFAULT_LOG_LIMIT, queryLogs, type LogRow } from '../data/logs';
import { prefixRoute, ROUTES } from '../constants';
import { FilterPageLayout } from '../components/filters/FilterPageLayout';
import { useFilterPage, type FilterPageOptions } from '../components/filters/useFilterPage';
import { LogList } from '../components/logs/LogList';
import { LimitPicker } from '../components/tasks/LimitPicker';

const LINE_CHOICES = [100, 500, 1000, 5000];
const MAX_LINES = 5000;

const LOG_SEARCH: FilterPageOptions<LogRow[]> = {
  search: (filter, range, settings, options) => queryLogs({ filter }, range, settings, options),
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
            testId="logs-limit"
          />
          <LinkButton
            variant="secondary"
            fill="text"
            icon="list-ul"
            href={`${prefixRoute(ROUTES.Tasks)}?${tasksParams(page.params)}`}
            data-testid="logs-to-tasks"
          >
            Tasks for this filter
          </LinkButton>
        </>
      }
    >
      {state.status === 'done' && state.data.length === 0 && (
        <div data-testid="logs-empty">
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
      {state.status === 'done' && state.data.length > 0 && (
        <>
          <div className={styles.summary} data-testid="logs-count">
            {state.data.length === 1 ? '1 line' : `${state.data.length} lines`}
            {state.data.length >= limit && ` (the newest ${limit})`}
          </div>
          <LogList rows={state.data} />
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
