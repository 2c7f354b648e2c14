import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, useStyles2 } from '@grafana/ui';
import { DataErrorAlert } from '../common/DataErrorAlert';
import { LoadingIndicator } from '../common/LoadingIndicator';
import { FilterBar } from './FilterBar';
import { QueryPreview } from './QueryPreview';
import { Toolbar } from './Toolbar';
import type { FilterPage } from './useFilterPage';
import { testIds } from '../../testIds';

export interface FilterPageLayoutProps<T> {
  page: FilterPage<T>;
  /** Which filter fields show; also the prefix of the page's test ids (`tasks-page`, `logs-loading`…). */
  mode: 'tasks' | 'logs';
  /** Page controls on the toolbar's left (limit, link to the other page). */
  toolbar: React.ReactNode;
  /** Accessible name of the results section. */
  resultsLabel: string;
  loadingText: string;
  /** The results once the search is done (empty state included). */
  children: React.ReactNode;
}

/**
 * The frame of a filter page: settings warning, toolbar with time range, filter fields, query preview, and the
 * results section's invalid-link, loading and error states.
 */
export function FilterPageLayout<T>({
  page,
  mode,
  toolbar,
  resultsLabel,
  loadingText,
  children,
}: FilterPageLayoutProps<T>) {
  const styles = useStyles2(getStyles);
  const { settings, time, filter, tags, state } = page;
  return (
    <PluginPage>
      <div className={styles.page} data-testid={testIds.filters.page(mode)}>
        {settings.problem && (
          <Alert title="A saved query setting is invalid; the defaults are used" severity="warning">
            {settings.problem}
          </Alert>
        )}
        <Toolbar time={time} onRefresh={page.retry}>
          {toolbar}
        </Toolbar>
        <FilterBar
          mode={mode}
          value={filter.draft}
          onChange={filter.setDraft}
          onSubmit={page.submit}
          errors={filter.draftErrors}
          namespaceOptions={tags.namespaces}
          serviceOptions={tags.services}
          namespaceHint={tags.namespaceHint}
        />
        <QueryPreview queries={page.previews} />
        <section aria-label={resultsLabel} className={styles.results}>
          {!filter.appliedValid && (
            <Alert
              title="The filter in the link is not valid"
              severity="warning"
              data-testid={testIds.filters.invalidFilter(mode)}
            >
              Correct the highlighted fields and search again.
            </Alert>
          )}
          {state.status === 'loading' && <LoadingIndicator testId={testIds.filters.loading(mode)} text={loadingText} />}
          {state.status === 'error' && <DataErrorAlert error={state.error} onRetry={page.retry} />}
          {children}
        </section>
      </div>
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  results: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
});
