import React from 'react';
import { Link } from 'react-router-dom';
import { css, cx } from '@emotion/css';
import { dateTimeFormat, type GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';
import type { LogRow } from '../../data/logRow';
import { useAppSettings } from '../../settings/useAppSettings';
import { currentExploreContext } from '../common/currentExploreContext';
import { taskFlowPath, traceExploreHref, traceFlowPath } from './logLinks';
import { testIds } from '../../testIds';

export interface LogListProps {
  rows: LogRow[];
  /** Called when a line is clicked (e.g. to select its span). */
  onSelect?: (row: LogRow) => void;
  /** Id of the highlighted line. */
  selectedId?: string;
  /**
   * `auto`: one line per row (time, level, message, links), stacked when the list is narrower than
   * {@link STACK_BELOW_PX}; `compact`: always stacked, for side panels.
   */
  layout?: 'auto' | 'compact';
}

/** Below this list width the message column would be too thin to read: it moves to its own line. */
export const STACK_BELOW_PX = 640;

/** Log lines as text (time, level, message) with links to the task flow, the trace flow and Explore. */
export function LogList({ rows, onSelect, selectedId, layout = 'auto' }: LogListProps) {
  const styles = useStyles2(getStyles);
  const settings = useAppSettings();
  const compact = layout === 'compact';
  const labelClass = cx(styles.linkLabel, compact && styles.iconOnlyLabel);
  const exploreContext = currentExploreContext();
  return (
    <ol className={styles.list} data-testid={testIds.logs.list} data-layout={layout} aria-label="Log lines">
      {rows.map((row) => {
        const taskPath = taskFlowPath(row);
        const explore = traceExploreHref(row, settings.tempoUid, exploreContext);
        return (
          <li
            key={row.id}
            className={cx(
              styles.row,
              compact && styles.stacked,
              onSelect && styles.clickable,
              row.id === selectedId && styles.selected
            )}
            data-testid={testIds.logs.row}
            onClick={onSelect ? () => onSelect(row) : undefined}
          >
            <time className={styles.time} dateTime={new Date(row.timeMs).toISOString()}>
              {dateTimeFormat(row.timeMs, { format: 'YYYY-MM-DD HH:mm:ss.SSS' })}
            </time>
            <span className={cx(styles.level, levelClass(styles, row.level))} data-testid={testIds.logs.level}>
              {row.level}
            </span>
            <span className={styles.message} data-testid={testIds.logs.message}>
              {row.message}
            </span>
            <span className={styles.links}>
              {taskPath && (
                <Link
                  to={taskPath}
                  className={styles.link}
                  data-testid={testIds.logs.taskLink}
                  onClick={(e) => e.stopPropagation()}
                  title={`Task flow of ${row.taskUuid ?? row.correlationId}`}
                >
                  <Icon name="sitemap" size="sm" />
                  <span className={labelClass}>Task</span>
                </Link>
              )}
              {row.traceId && (
                <Link
                  to={traceFlowPath(row.traceId)}
                  className={styles.link}
                  data-testid={testIds.logs.traceLink}
                  onClick={(e) => e.stopPropagation()}
                  title={`Flow of trace ${row.traceId}`}
                >
                  <Icon name="gf-traces" size="sm" />
                  <span className={labelClass}>Trace</span>
                </Link>
              )}
              {explore && (
                <a
                  href={explore}
                  className={styles.link}
                  data-testid={testIds.logs.exploreLink}
                  onClick={(e) => e.stopPropagation()}
                  title="Open the trace in Explore"
                >
                  <Icon name="compass" size="sm" />
                  <span className={labelClass}>Explore</span>
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

const LIST_CONTAINER = 'tasker-log-list';

/** Time, level and links on a first line, the message on its own full-width line below. */
const stackedRow = {
  gridTemplateColumns: 'max-content max-content minmax(0, 1fr)',
  gridTemplateAreas: '"time level links" "message message message"',
  rowGap: 2,
};

const getStyles = (theme: GrafanaTheme2) => {
  // Icons only: the label stays for screen readers, the title is the tooltip.
  const iconOnlyLabel = {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  } as const;
  return {
    list: css({
      listStyle: 'none',
      margin: 0,
      padding: 0,
      fontFamily: theme.typography.fontFamilyMonospace,
      fontSize: theme.typography.bodySmall.fontSize,
      // The rows follow the list's own width, not the window's: the same list sits in a page or a side panel.
      containerType: 'inline-size',
      containerName: LIST_CONTAINER,
    }),
    row: css({
      display: 'grid',
      gridTemplateColumns: 'max-content 5ch minmax(0, 1fr) max-content',
      gridTemplateAreas: '"time level message links"',
      gap: theme.spacing(1),
      alignItems: 'baseline',
      padding: theme.spacing(0.25, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      [`@container ${LIST_CONTAINER} (max-width: ${STACK_BELOW_PX - 0.02}px)`]: stackedRow,
    }),
    // Always stacked, whatever the width (side panels).
    stacked: css(stackedRow),
    iconOnlyLabel: css(iconOnlyLabel),
    clickable: css({
      cursor: 'pointer',
      '&:hover': { background: theme.colors.action.hover },
    }),
    selected: css({ background: theme.colors.action.selected }),
    time: css({ gridArea: 'time', color: theme.colors.text.secondary, whiteSpace: 'nowrap' }),
    level: css({
      gridArea: 'level',
      textTransform: 'uppercase',
      fontWeight: theme.typography.fontWeightMedium,
    }),
    levelError: css({ color: theme.colors.error.text }),
    levelWarn: css({ color: theme.colors.warning.text }),
    levelInfo: css({ color: theme.colors.info.text }),
    levelOther: css({ color: theme.colors.text.secondary }),
    message: css({
      gridArea: 'message',
      minWidth: 0,
      whiteSpace: 'pre-wrap',
      // Long tokens (ids, URLs, hostile strings) break anywhere rather than widen the row.
      overflowWrap: 'anywhere',
      unicodeBidi: 'isolate',
      color: theme.colors.text.primary,
    }),
    links: css({
      gridArea: 'links',
      justifySelf: 'end',
      display: 'flex',
      gap: theme.spacing(1),
      whiteSpace: 'nowrap',
    }),
    link: css({
      position: 'relative',
      display: 'inline-flex',
      alignItems: 'center',
      gap: theme.spacing(0.5),
      color: theme.colors.text.link,
      '&:hover': { textDecoration: 'underline' },
    }),
    linkLabel: css({
      [`@container ${LIST_CONTAINER} (max-width: ${STACK_BELOW_PX - 0.02}px)`]: iconOnlyLabel,
    }),
  };
};
