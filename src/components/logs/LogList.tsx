import React from 'react';
import { Link } from 'react-router-dom';
import { css, cx } from '@emotion/css';
import { dateTimeFormat, type GrafanaTheme2 } from '@grafana/data';
import { config } from '@grafana/runtime';
import { Icon, useStyles2 } from '@grafana/ui';
import type { LogRow } from '../../data/logRow';
import { useAppSettings } from '../../settings/useAppSettings';
import { taskFlowPath, traceExploreHref, traceFlowPath } from './logLinks';

export interface LogListProps {
  rows: LogRow[];
  /** Called when a line is clicked (e.g. to select its span). */
  onSelect?: (row: LogRow) => void;
  /** Id of the highlighted line. */
  selectedId?: string;
}

/** Log lines as text (time, level, message) with links to the task flow, the trace flow and Explore. */
export function LogList({ rows, onSelect, selectedId }: LogListProps) {
  const styles = useStyles2(getStyles);
  const settings = useAppSettings();
  return (
    <ol className={styles.list} data-testid="log-list" aria-label="Log lines">
      {rows.map((row) => {
        const taskPath = taskFlowPath(row);
        const explore = traceExploreHref(row, settings.tempoUid, config.appSubUrl);
        return (
          <li
            key={row.id}
            className={cx(styles.row, onSelect && styles.clickable, row.id === selectedId && styles.selected)}
            data-testid="log-row"
            onClick={onSelect ? () => onSelect(row) : undefined}
          >
            <time className={styles.time} dateTime={new Date(row.timeMs).toISOString()}>
              {dateTimeFormat(row.timeMs, { format: 'YYYY-MM-DD HH:mm:ss.SSS' })}
            </time>
            <span className={cx(styles.level, levelClass(styles, row.level))} data-testid="log-level">
              {row.level}
            </span>
            <span className={styles.message} data-testid="log-message">
              {row.message}
            </span>
            <span className={styles.links}>
              {taskPath && (
                <Link
                  to={taskPath}
                  className={styles.link}
                  data-testid="log-task-link"
                  onClick={(e) => e.stopPropagation()}
                  title={`Task flow of ${row.taskUuid ?? row.correlationId}`}
                >
                  <Icon name="sitemap" size="sm" /> Task
                </Link>
              )}
              {row.traceId && (
                <Link
                  to={traceFlowPath(row.traceId)}
                  className={styles.link}
                  data-testid="log-trace-link"
                  onClick={(e) => e.stopPropagation()}
                  title={`Flow of trace ${row.traceId}`}
                >
                  <Icon name="gf-traces" size="sm" /> Trace
                </Link>
              )}
              {explore && (
                <a
                  href={explore}
                  className={styles.link}
                  data-testid="log-explore-link"
                  onClick={(e) => e.stopPropagation()}
                  title="Open the trace in Explore"
                >
                  <Icon name="compass" size="sm" /> Explore
                </a>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

type Styles = ReturnType<typeof getStyles>;

function levelClass(styles: Styles, level: string): string {
  switch (level) {
    case 'error':
      return styles.levelError;
    case 'warn':
      return styles.levelWarn;
    case 'info':
      return styles.levelInfo;
    default:
      return styles.levelOther;
  }
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  row: css({
    display: 'grid',
    gridTemplateColumns: 'max-content 5ch minmax(0, 1fr) max-content',
    gap: theme.spacing(1),
    alignItems: 'baseline',
    padding: theme.spacing(0.25, 1),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  clickable: css({
    cursor: 'pointer',
    '&:hover': { background: theme.colors.action.hover },
  }),
  selected: css({ background: theme.colors.action.selected }),
  time: css({ color: theme.colors.text.secondary, whiteSpace: 'nowrap' }),
  level: css({ textTransform: 'uppercase', fontWeight: theme.typography.fontWeightMedium }),
  levelError: css({ color: theme.colors.error.text }),
  levelWarn: css({ color: theme.colors.warning.text }),
  levelInfo: css({ color: theme.colors.info.text }),
  levelOther: css({ color: theme.colors.text.secondary }),
  message: css({ whiteSpace: 'pre-wrap', wordBreak: 'break-word', color: theme.colors.text.primary }),
  links: css({ display: 'flex', gap: theme.spacing(1), whiteSpace: 'nowrap' }),
  link: css({
    color: theme.colors.text.link,
    '&:hover': { textDecoration: 'underline' },
  }),
});
