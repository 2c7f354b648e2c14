import React, { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { PluginPage, config } from '@grafana/runtime';
import { Alert, EmptyState, LinkButton, useStyles2 } from '@grafana/ui';
import { DEFAULT_LOG_LIMIT, queryLogs } from '../data/logs';
import { useAppSettings } from '../settings/useAppSettings';
import { prefixRoute, ROUTES } from '../constants';
import { DataErrorAlert } from '../components/common/DataErrorAlert';
import { LoadingIndicator } from '../components/common/LoadingIndicator';
import { useAbortableQuery } from '../components/common/useAbortableQuery';
import { FilterBar } from '../components/filters/FilterBar';
import { QueryPreview } from '../components/filters/QueryPreview';
import { queryPreviews } from '../components/filters/queryPreviews';
import { Toolbar } from '../components/filters/Toolbar';
import { useTagOptions } from '../components/filters/useTagOptions';
import { useUrlFilter } from '../components/filters/useUrlFilter';
import { useUrlTimeRange } from '../components/filters/useUrlTimeRange';
import { LogList } from '../components/logs/LogList';
import { LimitPicker } from '../components/tasks/LimitPicker';
import { limitFromParams } from '../components/tasks/limitParam';

const LINE_CHOICES = [100, 500, 1000, 5000];
const MAX_LINES = 5000;

/** Tasker's logs from Loki for the same filters as the task list, each line linked to its task and trace. */
function LogsPage() {
  const styles = useStyles2(getStyles);
  const settings = useAppSettings();
  const [params, setParams] = useSearchParams();
  const time = useUrlTimeRange();
  const filter = useUrlFilter();
  const tags = useTagOptions(time.range, settings);
  const limit = limitFromParams(params, DEFAULT_LOG_LIMIT, MAX_LINES);
  const [attempt, setAttempt] = useState(0);

  const runKey = JSON.stringify([
    filter.appliedKey,
    time.range.from.valueOf(),
    time.range.to.valueOf(),
    limit,
    attempt,
    settings,
  ]);
  const state = useAbortableQuery(
    runKey,
    filter.appliedValid,
    (signal) => queryLogs({ filter: filter.applied }, time.range, settings, { signal, limit }),
    'Loki query'
  );
  const previews = useMemo(
    () => queryPreviews(filter.draft, settings, time.range, config.appSubUrl, settings.searchLimit),
    [filter.draft, settings, time.range]
  );

  const retry = () => {
    time.refresh();
    setAttempt((n) => n + 1);
  };
  const submit = () => {
    if (filter.submit()) {
      time.refresh();
      setAttempt((n) => n + 1);
    }
  };
  const setLimit = (n: number) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      p.set('limit', String(n));
      return p;
    });

  return (
    <PluginPage>
      <div className={styles.page} data-testid="logs-page">
        {settings.problem && (
          <Alert title="A saved query setting is invalid; the defaults are used" severity="warning">
            {settings.problem}
          </Alert>
        )}
        <Toolbar time={time} onRefresh={retry}>
          <LimitPicker
            value={limit}
            onChange={setLimit}
            choices={LINE_CHOICES}
            tooltip="Log lines shown at most (the newest first)"
            testId="logs-limit"
          />
          <LinkButton
            variant="secondary"
            fill="text"
            icon="list-ul"
            href={`${prefixRoute(ROUTES.Tasks)}?${tasksParams(params)}`}
            data-testid="logs-to-tasks"
          >
            Tasks for this filter
          </LinkButton>
        </Toolbar>
        <FilterBar
          mode="logs"
          value={filter.draft}
          onChange={filter.setDraft}
          onSubmit={submit}
          errors={filter.draftErrors}
          namespaceOptions={tags.namespaces}
          serviceOptions={tags.services}
          namespaceHint={tags.namespaceHint}
        />
        <QueryPreview queries={previews} />
        <section aria-label="Log lines" className={styles.results}>
          {!filter.appliedValid && (
            <Alert title="The filter in the link is not valid" severity="warning" data-testid="logs-invalid-filter">
              Correct the highlighted fields and search again.
            </Alert>
          )}
          {state.status === 'loading' && <LoadingIndicator testId="logs-loading" text="Reading logs from Loki…" />}
          {state.status === 'error' && <DataErrorAlert error={state.error} onRetry={retry} />}
          {state.status === 'done' && state.data.length === 0 && (
            <div data-testid="logs-empty">
              <EmptyState variant="not-found" message="No log lines found">
                <ul className={styles.tips}>
                  <li>Widen the time range or remove a filter.</li>
                  <li>
                    Tasker sends logs to Loki only with OTEL_LOGS_ENABLED=true; check the log mode and stream label on
                    the app’s configuration page.
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
        </section>
      </div>
    </PluginPage>
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
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  results: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  summary: css({ color: theme.colors.text.secondary }),
  tips: css({ textAlign: 'left', margin: theme.spacing(1, 0, 0, 2) }),
});
