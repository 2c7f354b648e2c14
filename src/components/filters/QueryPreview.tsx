import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { ClipboardButton, LinkButton, useStyles2 } from '@grafana/ui';
import { testIds } from '../../testIds';

export interface PreviewQuery {
  /** 'TraceQL' or 'LogQL'. */
  language: string;
  /** The query, or undefined when the filter cannot become one (the reason is in `problem`). */
  query?: string;
  problem?: string;
  exploreHref?: string;
}

/** The generated queries, as text, with copy buttons and "Open in Explore" links. */
export function QueryPreview({ queries }: { queries: PreviewQuery[] }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.wrap} data-testid={testIds.queryPreview.container}>
      {queries.map((q) => {
        const id = q.language.toLowerCase();
        return (
          <div key={q.language} className={styles.row}>
            <span className={styles.lang}>{q.language}</span>
            {q.query !== undefined ? (
              <code className={styles.code} data-testid={testIds.queryPreview.query(id)}>
                {q.query}
              </code>
            ) : (
              <span className={styles.problem} data-testid={testIds.queryPreview.problem(id)}>
                {q.problem ?? 'Fix the highlighted fields to see the query.'}
              </span>
            )}
            <span className={styles.buttons}>
              <ClipboardButton
                size="sm"
                variant="secondary"
                icon="copy"
                getText={() => q.query ?? ''}
                disabled={q.query === undefined}
                data-testid={testIds.queryPreview.copy(id)}
                aria-label={`Copy ${q.language}`}
              >
                Copy
              </ClipboardButton>
              {q.exploreHref && (
                <LinkButton
                  size="sm"
                  variant="secondary"
                  icon="compass"
                  href={q.exploreHref}
                  data-testid={testIds.queryPreview.explore(id)}
                >
                  Open in Explore
                </LinkButton>
              )}
            </span>
          </div>
        );
      })}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    padding: theme.spacing(1),
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
  }),
  row: css({
    display: 'grid',
    gridTemplateColumns: '7ch minmax(0, 1fr) max-content',
    gap: theme.spacing(1),
    alignItems: 'center',
  }),
  lang: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  code: css({
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    color: theme.colors.text.primary,
    background: 'transparent',
    padding: 0,
  }),
  problem: css({ color: theme.colors.error.text, fontSize: theme.typography.bodySmall.fontSize }),
  buttons: css({ display: 'flex', gap: theme.spacing(1) }),
});
