import React, { createContext, useContext, useEffect } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, NavModelItem } from '@grafana/data';
import type { PluginPageProps, PluginPageType } from '@grafana/runtime';
import { useStyles2 } from '@grafana/ui';
import { Link } from 'react-router-dom';
// @ts-expect-error -- Grafana's bootstrap hook is published as JS only (types: dist/types/components/PluginPage.d.ts);
// the same file @grafana/runtime's index re-exports PluginPage from, so setting it here is what the plugin renders.
import { setPluginPage as setPluginPageUntyped } from '../../../node_modules/@grafana/runtime/dist/esm/components/PluginPage.mjs';
import { buildBreadcrumbs, pageTitle } from './appNav';

const setPluginPage = setPluginPageUntyped as (component: PluginPageType) => void;

/** The active nav node of the app page being shown: what Grafana's AppRootPage puts in PluginPageContext. */
export const SectionNavContext = createContext<NavModelItem | undefined>(undefined);

/**
 * What Grafana 13.1's PluginPage renders (core/components/Page/PluginPage.tsx → Page): breadcrumbs from the page's
 * pageNav and the app's nav, the title, actions and subtitle, then the page. Grafana shows the breadcrumbs in its
 * top bar; the sandbox puts them above the title.
 */
export function HostPluginPage({ pageNav, actions, renderTitle, subTitle, children }: PluginPageProps) {
  const styles = useStyles2(getStyles);
  const sectionNav = useContext(SectionNavContext);
  const crumbs = sectionNav ? buildBreadcrumbs(sectionNav, pageNav) : [];
  const title = sectionNav ? pageTitle(sectionNav, pageNav) : pageNav?.text;
  const documentTitle = [...crumbs.map((c) => c.text)].reverse().concat('Grafana').join(' - ');
  // Grafana's usePageTitle: the trail, last first.
  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);
  return (
    <div className={styles.page} data-testid="sandbox-plugin-page">
      {crumbs.length > 0 && (
        <nav aria-label="Breadcrumbs" data-testid="sandbox-breadcrumbs">
          <ol className={styles.crumbs}>
            {crumbs.map((c, i) => (
              <li key={`${i}:${c.text}`} className={styles.crumb}>
                {i < crumbs.length - 1 ? <Link to={c.href}>{c.text}</Link> : <span aria-current="page">{c.text}</span>}
              </li>
            ))}
          </ol>
        </nav>
      )}
      {title !== undefined && (
        <div className={styles.header}>
          <h1 className={styles.title} data-testid="sandbox-page-title">
            {renderTitle ? renderTitle(title) : title}
          </h1>
          {actions}
        </div>
      )}
      {subTitle && <div className={styles.subTitle}>{subTitle}</div>}
      {children}
    </div>
  );
}

/** Done once at start, as Grafana's app.ts does before any plugin renders. */
export function installHostPluginPage(): void {
  setPluginPage(HostPluginPage);
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  crumbs: css({ display: 'flex', flexWrap: 'wrap', listStyle: 'none', margin: 0, padding: 0 }),
  crumb: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    overflowWrap: 'anywhere',
    '&:not(:last-child)::after': { content: '"›"', padding: theme.spacing(0, 1) },
    '& > span': { color: theme.colors.text.primary },
  }),
  header: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(2), flexWrap: 'wrap' }),
  title: css({ margin: 0, overflowWrap: 'anywhere', unicodeBidi: 'isolate' }),
  subTitle: css({ color: theme.colors.text.secondary }),
});
