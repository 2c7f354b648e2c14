import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { config } from '@grafana/runtime';
import { useStyles2 } from '@grafana/ui';
import { useLocation } from 'react-router-dom';
import { AccessDenied } from './AccessDenied';

/**
 * Stands in for Grafana's Explore: shows the state a deep link carried, so tests can assert it. Grafana serves
 * /explore only to users with datasources:explore (pkg/api/api.go), so the sandbox refuses the others too.
 */
export function ExplorePage() {
  const styles = useStyles2(getStyles);
  const params = new URLSearchParams(useLocation().search);
  if (!config.bootData.user.permissions?.['datasources:explore']) {
    return <AccessDenied reason="Explore needs the permission datasources:explore" />;
  }
  let panes: unknown = undefined;
  let error = '';
  const raw = params.get('panes');
  if (raw) {
    try {
      panes = JSON.parse(raw);
    } catch (e) {
      error = `panes is not JSON: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  return (
    <div className={styles.page}>
      <h2>Explore (sandbox stand-in)</h2>
      <p>Grafana would open Explore with this state.</p>
      {error && <div data-testid="explore-error">{error}</div>}
      <pre data-testid="explore-state" className={styles.pre}>
        {JSON.stringify({ schemaVersion: params.get('schemaVersion'), orgId: params.get('orgId'), panes }, null, 2)}
      </pre>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ padding: theme.spacing(2) }),
  pre: css({ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }),
});
