import React from 'react';
import { Link } from 'react-router-dom';
import { css, cx } from '@emotion/css';
import { dateTimeFormat, type GrafanaTheme2 } from '@grafana/data';
import { formatMs } from '../../flow/formatMs';
import { Badge, Icon, useStyles2 } from '@grafana/ui';
import type { TaskRow } from '../../data/taskRow';
import type { SortKey, TaskSort } from './taskSort';
import { testIds } from '../../testIds';

export interface TaskTableProps {
  rows: TaskRow[];
  sort: TaskSort;
  onSortChange: (sort: TaskSort) => void;
  /** Where a row leads (the task flow page). */
  hrefOf: (row: TaskRow) => string;
  onOpen: (row: TaskRow) => void;
}

interface Column {
  key: SortKey;
  label: string;
  numeric?: boolean;
  render: (row: TaskRow) => React.ReactNode;
}

function statusBadge(status: TaskRow['status']) {
  switch (status) {
    case 'error':
      return <Badge color="red" icon="exclamation-triangle" text="error" />;
    case 'ok':
      return <Badge color="green" icon="check" text="ok" />;
    default:
      return <Badge color="blue" text="unset" tooltip="No span reported an error, and no finalization span was seen" />;
  }
}

/** One row per task; headers sort; a row (or its id link) opens the task flow. Values are rendered as text. */
export function TaskTable({ rows, sort, onSortChange, hrefOf, onOpen }: TaskTableProps) {
  const styles = useStyles2(getStyles);
  const columns: Column[] = [
    {
      key: 'correlationId',
      label: 'Correlation id',
      render: (r) => (
        <Link
          to={hrefOf(r)}
          className={styles.link}
          data-testid={testIds.tasks.rowLink}
          onClick={(e) => e.stopPropagation()}
        >
          {r.correlationId ?? '—'}
        </Link>
      ),
    },
    { key: 'taskUuid', label: 'Task uuid', render: (r) => <span className={styles.mono}>{r.taskUuid ?? '—'}</span> },
    { key: 'namespace', label: 'Namespace', render: (r) => r.namespace ?? '—' },
    { key: 'taskName', label: 'Task name', render: (r) => r.taskName ?? '—' },
    { key: 'start', label: 'Start', render: (r) => dateTimeFormat(r.startMs, { format: 'YYYY-MM-DD HH:mm:ss' }) },
    { key: 'duration', label: 'Duration', numeric: true, render: (r) => formatMs(r.durationMs, 1) },
    { key: 'status', label: 'Status', render: (r) => statusBadge(r.status) },
    { key: 'traces', label: 'Traces', numeric: true, render: (r) => r.traceCount },
    { key: 'spans', label: 'Spans', numeric: true, render: (r) => r.spanCount },
  ];

  const toggle = (key: SortKey) =>
    onSortChange(
      sort.key === key
        ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' }
        : { key, dir: key === 'start' || key === 'duration' || key === 'traces' || key === 'spans' ? 'desc' : 'asc' }
    );

  return (
    <div className={styles.scroll}>
      <table className={styles.table} data-testid={testIds.tasks.table}>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort.key === c.key;
              return (
                <th
                  key={c.key}
                  className={cx(styles.th, c.numeric && styles.numeric)}
                  aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button
                    type="button"
                    className={styles.sortButton}
                    onClick={() => toggle(c.key)}
                    data-testid={testIds.tasks.sort(c.key)}
                  >
                    {c.label}
                    {active && <Icon name={sort.dir === 'asc' ? 'arrow-up' : 'arrow-down'} size="sm" />}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.key}
              className={styles.row}
              data-testid={testIds.tasks.row}
              data-task-key={r.key}
              onClick={() => onOpen(r)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  onOpen(r);
                }
              }}
              tabIndex={0}
            >
              {columns.map((c) => (
                <td key={c.key} className={cx(styles.td, c.numeric && styles.numeric)}>
                  {c.render(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  scroll: css({ overflowX: 'auto' }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  th: css({
    textAlign: 'left',
    padding: theme.spacing(0.5, 1),
    borderBottom: `1px solid ${theme.colors.border.medium}`,
    background: theme.colors.background.secondary,
    whiteSpace: 'nowrap',
  }),
  sortButton: css({
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    background: 'none',
    border: 'none',
    padding: 0,
    color: theme.colors.text.primary,
    fontWeight: theme.typography.fontWeightMedium,
    cursor: 'pointer',
  }),
  td: css({
    padding: theme.spacing(0.5, 1),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    whiteSpace: 'nowrap',
    maxWidth: 360,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  }),
  numeric: css({ textAlign: 'right' }),
  row: css({
    cursor: 'pointer',
    '&:hover, &:focus-visible': { background: theme.colors.action.hover, outline: 'none' },
  }),
  link: css({ color: theme.colors.text.link, fontFamily: theme.typography.fontFamilyMonospace }),
  mono: css({ fontFamily: theme.typography.fontFamilyMonospace }),
});
