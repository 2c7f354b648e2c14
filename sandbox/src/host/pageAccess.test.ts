import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appPageAccess, normalizeIncludePath, pluginConfigAccess, type PageInclude } from './pageAccess';
import { userForRole } from './roles';

const APP = '/a/tasker-observability-app';
const includes = (json: string): PageInclude[] =>
  JSON.parse(json.replace(/%PLUGIN_ID%/g, 'tasker-observability-app')).includes;
const pluginJson = readFileSync(path.resolve(__dirname, '../../../src/plugin.json'), 'utf8');

const viewer = userForRole('Viewer');
const editor = userForRole('Editor');
const admin = userForRole('Admin');

describe('page access as Grafana 13.1 decides it', () => {
  // The include shape the app had: an action on the list pages.
  const withAction: PageInclude[] = [
    { type: 'page', name: 'Tasks', path: `${APP}/tasks`, action: 'datasources:explore' },
    { type: 'page', name: 'Logs', path: `${APP}/logs`, action: 'datasources:explore' },
  ];

  it('checks an action only on the exact path: a Viewer without Explore is refused the list, not a flow', () => {
    expect(appPageAccess(withAction, `${APP}/tasks`, viewer)).toEqual({
      allowed: false,
      reason: 'Tasks needs the permission datasources:explore',
    });
    expect(appPageAccess(withAction, `${APP}/tasks/`, viewer).allowed).toBe(false);
    expect(appPageAccess(withAction, `${APP}//logs`, viewer).allowed).toBe(false);
    expect(appPageAccess(withAction, `${APP}/tasks/550e8400-e29b-41d4-a716-446655440000`, viewer).allowed).toBe(true);
    expect(appPageAccess(withAction, `${APP}/tasks`, editor).allowed).toBe(true);
  });

  it('checks a role (Viewer when unset) on the exact path', () => {
    const admins: PageInclude[] = [{ type: 'page', name: 'Admin page', path: `${APP}/admin`, role: 'Admin' }];
    expect(appPageAccess(admins, `${APP}/admin`, editor).allowed).toBe(false);
    expect(appPageAccess(admins, `${APP}/admin`, admin).allowed).toBe(true);
    expect(appPageAccess([{ type: 'page', name: 'P', path: `${APP}/p` }], `${APP}/p`, viewer).allowed).toBe(true);
  });

  it('opens every page of this plugin.json to a Viewer', () => {
    for (const page of ['tasks', 'logs', 'tasks/550e8400-e29b-41d4-a716-446655440000', 'trace/4bf92f35']) {
      expect(appPageAccess(includes(pluginJson), `${APP}/${page}`, viewer)).toEqual({ allowed: true });
    }
  });

  it('keeps the configuration page to admins', () => {
    expect(pluginConfigAccess(viewer).allowed).toBe(false);
    expect(pluginConfigAccess(editor).allowed).toBe(false);
    expect(pluginConfigAccess(admin).allowed).toBe(true);
    expect(pluginConfigAccess({ ...viewer, isGrafanaAdmin: true }).allowed).toBe(true);
  });

  it('normalises paths as Go filepath.Clean does', () => {
    expect(normalizeIncludePath('/a//b/./c/../d/')).toBe('a/b/d');
  });
});
