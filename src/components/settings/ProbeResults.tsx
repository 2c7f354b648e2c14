import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';
import type { ProbeResult } from '../../data/probes';
import { testIds } from '../../testIds';

/** One line per datasource: answered or not, and whether Tasker data exists, in plain words. */
export function ProbeResults({ results }: { results: ProbeResult[] }) {
  const styles = useStyles2(getStyles);
  return (
    <ul className={styles.list} data-testid={testIds.settings.testResults}>
      {results.map((r) => {
        const good = r.answered && r.found !== false;
        const icon = !r.answered ? 'times-circle' : good ? 'check-circle' : 'exclamation-triangle';
        return (
          <li key={r.kind} className={styles.item} data-testid={testIds.settings.testResult(r.kind)}>
            <Icon
              name={icon}
              className={!r.answered ? styles.bad : good ? styles.good : styles.warn}
              aria-label={!r.answered ? 'failed' : good ? 'ok' : 'warning'}
            />
            <span>{r.message}</span>
          </li>
        );
      })}
    </ul>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ listStyle: 'none', margin: theme.spacing(1, 0), padding: 0 }),
  item: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'baseline', marginBottom: theme.spacing(0.5) }),
  good: css({ color: theme.colors.success.text }),
  warn: css({ color: theme.colors.warning.text }),
  bad: css({ color: theme.colors.error.text }),
});
