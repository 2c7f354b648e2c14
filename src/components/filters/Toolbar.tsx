import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Button, TimeRangePicker, useStyles2 } from '@grafana/ui';
import type { UrlTimeRange } from './useUrlTimeRange';
import { testIds } from '../../testIds';

/** The time range picker (range kept in the URL) and a refresh button, with room for page controls. */
export function Toolbar({
  time,
  onRefresh,
  children,
}: {
  time: UrlTimeRange;
  onRefresh: () => void;
  children?: React.ReactNode;
}) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.bar} data-testid={testIds.common.pageToolbar}>
      <div className={styles.left}>{children}</div>
      <div className={styles.right} data-testid={testIds.common.timeRangePicker}>
        <TimeRangePicker
          value={time.range}
          onChange={time.setRange}
          onChangeTimeZone={() => {}}
          onMoveBackward={time.moveBackward}
          onMoveForward={time.moveForward}
          onZoom={time.zoomOut}
        />
        <Button
          variant="secondary"
          icon="sync"
          onClick={onRefresh}
          aria-label="Refresh"
          data-testid={testIds.common.refresh}
        />
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  bar: css({
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: theme.spacing(1),
  }),
  left: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'center' }),
  right: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'center', marginLeft: 'auto' }),
});
