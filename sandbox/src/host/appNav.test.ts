import { activeNavNode, appNavNode, buildBreadcrumbs, pageTitle } from './appNav';
import { userForRole } from './roles';

const APP = '/a/tasker-observability-app';
const meta = {
  id: 'tasker-observability-app',
  name: 'Tasker',
  includes: [
    { type: 'page', name: 'Tasks', path: `${APP}/tasks`, role: 'Viewer', addToNav: true, defaultNav: true },
    { type: 'page', name: 'Logs', path: `${APP}/logs`, role: 'Viewer', addToNav: true },
    { type: 'dashboard', name: 'Overview', path: 'dashboards/o.json' },
    { type: 'page', name: 'Configuration', path: '/plugins/tasker-observability-app', role: 'Admin', addToNav: true },
  ],
};
const taskNav = { text: 'Task 42', parentItem: { text: 'Tasks', url: `${APP}/tasks?from=now-1h&to=now` } };

function chrome(url: string, pageNav?: typeof taskNav, role: 'Viewer' | 'Admin' = 'Admin') {
  const node = activeNavNode(appNavNode(meta, userForRole(role)), url);
  return { crumbs: buildBreadcrumbs(node, pageNav).map((c) => c.text), title: pageTitle(node, pageNav) };
}

describe('app nav and breadcrumbs as Grafana 13.1 builds them', () => {
  it('files the app under More apps, its default page as the app link, pages the user may see as children', () => {
    const app = appNavNode(meta, userForRole('Admin'));
    expect(app.url).toBe(`${APP}/tasks`);
    expect(app.children?.map((c) => c.text)).toEqual(['Logs', 'Configuration']);
    expect(appNavNode(meta, userForRole('Viewer')).children?.map((c) => c.text)).toEqual(['Logs']);
  });

  it('titles the default page with the app name, other pages with theirs', () => {
    expect(chrome(`${APP}/tasks`)).toEqual({ crumbs: ['Home', 'More apps', 'Tasker'], title: 'Tasker' });
    expect(chrome(`${APP}/logs?x=1`)).toEqual({ crumbs: ['Home', 'More apps', 'Tasker', 'Logs'], title: 'Logs' });
  });

  it('puts a page’s own pageNav after its parents, showing a crumb with the app link’s path once', () => {
    expect(chrome(`${APP}/tasks/42`, taskNav)).toEqual({
      crumbs: ['Home', 'More apps', 'Tasks', 'Task 42'],
      title: 'Task 42',
    });
    // Outside every nav URL the section itself is the active node.
    expect(chrome(`${APP}/trace/4bf9`, { ...taskNav, text: 'Trace 4bf9' }, 'Viewer').crumbs).toEqual([
      'Home',
      'More apps',
      'Tasks',
      'Trace 4bf9',
    ]);
  });

  it('without a pageNav the flow page reads as the list', () => {
    expect(chrome(`${APP}/tasks/42`)).toEqual({ crumbs: ['Home', 'More apps', 'Tasker'], title: 'Tasker' });
  });
});
