import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { LoadingBar, useStyles2 } from '@grafana/ui';

/** A progress bar with a line of text, for queries that may take a while. */
export function LoadingIndicator({ text, testId }: { text: string; testId: string }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.wrap} data-testid={testId} role="status" aria-live="polite">
      <LoadingBar width={320} />
      <span className={styles.text}>{text}</span>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), padding: theme.spacing(2, 0) }),
  text: css({ color: theme.colors.text.secondary }),
});
