import React, { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { EmptyState, LinkButton, useStyles2 } from '@grafana/ui';
import { TRACES_PER_TASK_GUESS, searchTasks } from '../data/tasks';
import type { TaskRow } from '../data/taskRow';
import { prefixRoute, ROUTES } from '../constants';
import { FilterPageLayout } from '../components/filters/FilterPageLayout';
import { edgeParam } from '../components/filters/timeParams';
import { useFilterPage, type FilterPageOptions } from '../components/filters/useFilterPage';
import { DurationChart } from '../components/tasks/DurationChart';
import { LimitPicker } from '../components/tasks/LimitPicker';
import { TaskTable } from '../components/tasks/TaskTable';
import { taskFlowHref } from '../components/tasks/taskPath';
import { sortFromParams, sortTasks, type TaskSort } from '../components/tasks/taskSort';
import { testIds } from '../testIds';

const TASK_SEARCH: FilterPageOptions<TaskRow[]> = {
  search: searchTasks,
  action: 'Tempo search',
  defaultLimit: (settings) => settings.searchLimit,
  previewTraceLimit: (limit) => limit * TRACES_PER_TASK_GUESS,
};

/** Find Tasker workflow runs: one row per task, whatever number of traces it spans. */
function TasksPage() {
  const styles = useStyles2(getStyles);
  const navigate = useNavigate();
  const page = useFilterPage(TASK_SEARCH);
  const { state, limit, params, time } = page;
  const sort = sortFromParams(params);

  const rows = useMemo(() => (state.status === 'done' ? sortTasks(state.data, sort) : []), [state, sort]);
  const linkRange = { from: edgeParam(time.range.raw.from), to: edgeParam(time.range.raw.to) };
  const hrefOf = (row: TaskRow) => taskFlowHref(row.key, linkRange);

  const setSort = (next: TaskSort) =>
    page.setParams((prev) => {
      const p = new URLSearchParams(prev);
      p.set('sort', next.key);
      p.set('dir', next.dir);
      return p;
    });

  return (
    <FilterPageLayout
      page={page}
      mode="tasks"
      resultsLabel="Tasks"
      loadingText="Searching Tempo for tasks…"
      toolbar={
        <>
          <LimitPicker value={limit} onChange={page.setLimit} />
          <LinkButton
            variant="secondary"
            fill="text"
            icon="document-info"
            href={`${prefixRoute(ROUTES.Logs)}?${withoutTaskListParams(params)}`}
            data-testid={testIds.tasks.toLogs}
          >
            Logs for this filter
          </LinkButton>
        </>
      }
    >
      {state.status === 'done' && rows.length === 0 && (
        <div data-testid={testIds.tasks.empty}>
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
          <div className={styles.summary} data-testid={testIds.tasks.count}>
            {rows.length === 1 ? '1 task' : `${rows.length} tasks`}
            {rows.length >= limit && ` (the newest ${limit}; raise the limit or narrow the filter to see others)`}
          </div>
          <DurationChart rows={rows} range={time.range} onOpen={(row) => navigate(hrefOf(row))} />
          <TaskTable
            rows={rows}
            sort={sort}
            onSortChange={setSort}
            hrefOf={hrefOf}
            onOpen={(row) => navigate(hrefOf(row))}
          />
        </>
      )}
    </FilterPageLayout>
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
  summary: css({ color: theme.colors.text.secondary }),
  tips: css({ textAlign: 'left', margin: theme.spacing(1, 0, 0, 2) }),
});
