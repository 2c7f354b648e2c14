import React, { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { PluginPage, config } from '@grafana/runtime';
import { Alert, EmptyState, LinkButton, useStyles2 } from '@grafana/ui';
import { TRACES_PER_TASK_GUESS, searchTasks } from '../data/tasks';
import type { TaskRow } from '../data/taskRow';
import { useAppSettings } from '../settings/useAppSettings';
import { prefixRoute, ROUTES } from '../constants';
import { DataErrorAlert } from '../components/common/DataErrorAlert';
import { LoadingIndicator } from '../components/common/LoadingIndicator';
import { useAbortableQuery } from '../components/common/useAbortableQuery';
import { FilterBar } from '../components/filters/FilterBar';
import { QueryPreview } from '../components/filters/QueryPreview';
import { queryPreviews } from '../components/filters/queryPreviews';
import { Toolbar } from '../components/filters/Toolbar';
import { edgeParam } from '../components/filters/timeParams';
import { useTagOptions } from '../components/filters/useTagOptions';
import { useUrlFilter } from '../components/filters/useUrlFilter';
import { useUrlTimeRange } from '../components/filters/useUrlTimeRange';
import { LimitPicker } from '../components/tasks/LimitPicker';
import { TaskTable } from '../components/tasks/TaskTable';
import { limitFromParams } from '../components/tasks/limitParam';
import { taskFlowHref } from '../components/tasks/taskPath';
import { sortFromParams, sortTasks, type TaskSort } from '../components/tasks/taskSort';

/** Find Tasker workflow runs: one row per task, whatever number of traces it spans. */
function TasksPage() {
  const styles = useStyles2(getStyles);
  const settings = useAppSettings();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const time = useUrlTimeRange();
  const filter = useUrlFilter();
  const tags = useTagOptions(time.range, settings);
  const sort = sortFromParams(params);
  const limit = limitFromParams(params, settings.searchLimit);
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
    (signal) => searchTasks(filter.applied, time.range, settings, { signal, limit }),
    'Tempo search'
  );

  const previews = useMemo(
    () => queryPreviews(filter.draft, settings, time.range, config.appSubUrl, limit * TRACES_PER_TASK_GUESS),
    [filter.draft, settings, time.range, limit]
  );
  const rows = useMemo(() => (state.status === 'done' ? sortTasks(state.data, sort) : []), [state, sort]);
  const linkRange = { from: edgeParam(time.range.raw.from), to: edgeParam(time.range.raw.to) };
  const hrefOf = (row: TaskRow) => taskFlowHref(row.key, linkRange);

  const retry = () => {
    time.refresh();
    setAttempt((n) => n + 1);
  };
  const submit = () => {
    if (filter.submit()) {
      // Searching the same filter again is a refresh.
      time.refresh();
      setAttempt((n) => n + 1);
    }
  };
  const setSort = (next: TaskSort) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      p.set('sort', next.key);
      p.set('dir', next.dir);
      return p;
    });
  const setLimit = (n: number) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      p.set('limit', String(n));
      return p;
    });

  return (
    <PluginPage>
      <div className={styles.page} data-testid="tasks-page">
        {settings.problem && (
          <Alert title="A saved query setting is invalid; the defaults are used" severity="warning">
            {settings.problem}
          </Alert>
        )}
        <Toolbar time={time} onRefresh={retry}>
          <LimitPicker value={limit} onChange={setLimit} />
          <LinkButton
            variant="secondary"
            fill="text"
            icon="document-info"
            href={`${prefixRoute(ROUTES.Logs)}?${withoutTaskListParams(params)}`}
            data-testid="tasks-to-logs"
          >
            Logs for this filter
          </LinkButton>
        </Toolbar>
        <FilterBar
          mode="tasks"
          value={filter.draft}
          onChange={filter.setDraft}
          onSubmit={submit}
          errors={filter.draftErrors}
          namespaceOptions={tags.namespaces}
          serviceOptions={tags.services}
          namespaceHint={tags.namespaceHint}
        />
        <QueryPreview queries={previews} />
        <section aria-label="Tasks" className={styles.results}>
          {!filter.appliedValid && (
            <Alert title="The filter in the link is not valid" severity="warning" data-testid="tasks-invalid-filter">
              Correct the highlighted fields and search again.
            </Alert>
          )}
          {state.status === 'loading' && <LoadingIndicator testId="tasks-loading" text="Searching Tempo for tasks…" />}
          {state.status === 'error' && <DataErrorAlert error={state.error} onRetry={retry} />}
          {state.status === 'done' && rows.length === 0 && (
            <div data-testid="tasks-empty">
              <EmptyState variant="not-found" message="No tasks found">
                <ul className={styles.tips}>
                  <li>Widen the time range: Tasker keeps many tasks short and recent.</li>
                  <li>Remove a filter, or check an id for typos (ids are UUIDs).</li>
                  <li>
                    Check that Tasker exports traces (TELEMETRY_ENABLED=true) and use “Test” on the app’s configuration
                    page.
                  </li>
                </ul>
              </EmptyState>
            </div>
          )}
          {state.status === 'done' && rows.length > 0 && (
            <>
              <div className={styles.summary} data-testid="tasks-count">
                {rows.length === 1 ? '1 task' : `${rows.length} tasks`}
                {rows.length >= limit && ` (the newest ${limit}; raise the limit or narrow the filter to see others)`}
              </div>
              <TaskTable
                rows={rows}
                sort={sort}
                onSortChange={setSort}
                hrefOf={hrefOf}
                onOpen={(row) => navigate(hrefOf(row))}
              />
            </>
          )}
        </section>
      </div>
    </PluginPage>
  );
}

export default TasksPage;

/** The same filter and range for the Logs page (sort, limit, status and durations have no meaning for logs). */
function withoutTaskListParams(params: URLSearchParams): string {
  const p = new URLSearchParams(params);
  for (const name of ['sort', 'dir', 'limit', 'status', 'min_duration', 'max_duration']) {
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
