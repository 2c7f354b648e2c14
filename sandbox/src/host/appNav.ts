// The nav Grafana 13.1 builds around an app page, and the breadcrumbs and title its Page shows:
// - the app node (pkg/services/navtree/navtreeimpl/applinks.go): the plugin's name, the URL of its defaultNav page,
//   one child per addToNav page the user may see, the default page itself left out; filed under "More apps",
//   whose parent is Home (public/app/core/reducers/navModel.ts sets Home as the parent of the root sections);
// - the active node (features/plugins/utils.ts buildPluginSectionNav): the longest nav URL the current URL starts with;
// - the trail (core/components/Breadcrumbs/utils.ts buildBreadcrumbs): pageNav and its parents first, then the
//   active node and its parents, a node with the same path as the crumb before it shown once, stopping at Home;
// - the title (core/components/Page): pageNav's text, else the active node's.
import type { NavModelItem } from '@grafana/data';
import { includeVisible, type PageInclude } from './pageAccess';
import type { SandboxUser } from './roles';

export interface Crumb {
  text: string;
  href: string;
}

export const HOME_NAV: NavModelItem = { id: 'home', text: 'Home', url: '/' };

/** The part of the app's meta (its plugin.json) the nav is built from. */
export interface AppNavMeta {
  id: string;
  name: string;
  includes?: Array<PageInclude & { addToNav?: boolean; defaultNav?: boolean }>;
}

/** The app's node in Grafana's nav, under "More apps" under Home, with the pages this user may see. */
export function appNavNode(meta: AppNavMeta, user: SandboxUser, appSubUrl = ''): NavModelItem {
  const moreApps: NavModelItem = { id: 'apps', text: 'More apps', url: `${appSubUrl}/apps`, parentItem: HOME_NAV };
  const app: NavModelItem = { id: `plugin-page-${meta.id}`, text: meta.name, url: `${appSubUrl}/a/${meta.id}` };
  const children: NavModelItem[] = [];
  for (const include of meta.includes ?? []) {
    if (include.type !== 'page' || !include.addToNav || !include.path || !includeVisible(include, user)) {
      continue;
    }
    const url = appSubUrl + include.path;
    if (include.defaultNav) {
      app.url = url;
    }
    children.push({ text: include.name, url, parentItem: app });
  }
  app.children = children.filter((c) => c.url !== app.url);
  app.parentItem = moreApps;
  moreApps.children = [app];
  return app;
}

/**
 * The node Grafana marks active for a URL: the longest node URL the URL starts with; none (a path outside every
 * nav URL, such as /a/<id>/trace/…) leaves the section itself ("More apps").
 */
export function activeNavNode(app: NavModelItem, currentUrl: string): NavModelItem {
  let active: NavModelItem | undefined;
  for (const node of [app, ...(app.children ?? [])]) {
    if (node.url && currentUrl.startsWith(node.url) && node.url.length > (active?.url?.length ?? -1)) {
      active = node;
    }
  }
  return active ?? app.parentItem ?? app;
}

const pathOf = (url: string | undefined) => (url ?? '').split('?')[0];

/** Grafana's breadcrumb trail for a page: see the file comment. */
export function buildBreadcrumbs(sectionNav: NavModelItem, pageNav?: NavModelItem, homeNav = HOME_NAV): Crumb[] {
  const crumbs: Crumb[] = [];
  let reachedHome = false;
  let lastPath: string | undefined;
  const add = (node: NavModelItem, dedupe: boolean) => {
    if (reachedHome) {
      return;
    }
    const path = pathOf(node.url);
    if (path === homeNav.url) {
      crumbs.unshift({ text: homeNav.text, href: node.url ?? '' });
      reachedHome = true;
      return;
    }
    const samePath = path.length > 0 && path === lastPath;
    lastPath = path;
    if (!node.hideFromBreadcrumbs && !(dedupe && samePath)) {
      crumbs.unshift({ text: node.text, href: node.url ?? '' });
    }
    if (node.parentItem) {
      add(node.parentItem, false);
    }
  };
  if (pageNav) {
    add(pageNav, false);
  }
  add(sectionNav, true);
  return crumbs;
}

/** The page title Grafana shows: pageNav's text, else the active nav node's. */
export function pageTitle(sectionNav: NavModelItem, pageNav?: NavModelItem): string {
  return pageNav?.text ?? sectionNav.text;
}
