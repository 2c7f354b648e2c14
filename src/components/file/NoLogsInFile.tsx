import React from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { testIds } from '../../testIds';

/** Where the logs panel stands on the file page: a task file holds spans only, and nothing is queried. */
export function NoLogsInFile({ fileName, className }: { fileName: string; className?: string }) {
  const styles = useStyles2(getStyles);
  return (
    <section className={cx(styles.panel, className)} data-testid={testIds.file.noLogs} aria-label="Logs">
      <h4 className={styles.title}>Logs</h4>
      <p className={styles.text}>
        Logs are not in the file <span className={styles.name}>{fileName}</span>: a task file holds the task&apos;s
        spans only. Open the task from the Tasks page to see its logs from Loki.
      </p>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(1.5, 2),
    background: theme.colors.background.primary,
  }),
  title: css({
    margin: theme.spacing(0, 0, 1),
    fontSize: theme.typography.h5.fontSize,
  }),
  text: css({
    margin: 0,
    color: theme.colors.text.secondary,
  }),
  name: css({
    fontFamily: theme.typography.fontFamilyMonospace,
    overflowWrap: 'anywhere',
    unicodeBidi: 'isolate',
  }),
});
