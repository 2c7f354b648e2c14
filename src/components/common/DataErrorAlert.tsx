import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, useStyles2 } from '@grafana/ui';
import type { DataError } from '../../data/errors';
import { testIds } from '../../testIds';

export interface DataErrorAlertProps {
  error: DataError;
  onRetry?: () => void;
}

/** What failed (title), how to fix it (hint), and a Retry button. The texts are plain strings. */
export function DataErrorAlert({ error, onRetry }: DataErrorAlertProps) {
  const styles = useStyles2(getStyles);
  const severity = error.kind === 'not_configured' || error.kind === 'invalid_query' ? 'warning' : 'error';
  return (
    <Alert title={error.title} severity={severity} data-testid={testIds.common.dataError}>
      <div>{error.hint}</div>
      {onRetry && (
        <Button
          size="sm"
          variant="secondary"
          icon="sync"
          onClick={onRetry}
          className={styles.retry}
          data-testid={testIds.common.dataErrorRetry}
        >
          Retry
        </Button>
      )}
    </Alert>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  retry: css({ marginTop: theme.spacing(1) }),
});
