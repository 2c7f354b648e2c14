import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const read = (p: string) => readFileSync(path.join(root, p), 'utf8');

describe('plugin.json', () => {
  it('top-level plugin.json is identical to src/plugin.json', () => {
    expect(read('plugin.json')).toBe(read('src/plugin.json'));
  });

  const pluginJson = JSON.parse(read('src/plugin.json'));

  it('is the Tasker app with the pages the nav promises', () => {
    expect(pluginJson).toMatchObject({ type: 'app', id: 'tasker-observability-app', name: 'Tasker' });
    const pages = pluginJson.includes.filter((i: { type: string }) => i.type === 'page');
    expect(pages.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['Tasks', 'Logs', 'Configuration'])
    );
    expect(pages.filter((p: { defaultNav?: boolean }) => p.defaultNav)).toHaveLength(1);
    expect(pages.find((p: { defaultNav?: boolean }) => p.defaultNav).name).toBe('Tasks');
    expect(pages.find((p: { name: string }) => p.name === 'Configuration').role).toBe('Admin');
  });

  // Grafana 13.1 (pkg/middleware/auth.go RoleAppPluginAuth) checks an include's `action` only on the exact path, so
  // an action on Tasks refuses the list yet lets /tasks/<id> through. The data is guarded by datasource
  // permissions; the pages are open to every Viewer, and only Configuration is Admin-only.
  it('opens every page to Viewers and Configuration to Admins only', () => {
    const pages = pluginJson.includes.filter((i: { type: string }) => i.type === 'page');
    for (const page of pages) {
      expect({ name: page.name, action: page.action }).toEqual({ name: page.name, action: undefined });
      expect({ name: page.name, role: page.role }).toEqual({
        name: page.name,
        role: page.name === 'Configuration' ? 'Admin' : 'Viewer',
      });
    }
    expect(pages.find((p: { name: string }) => p.name === 'Configuration').path).toBe('/plugins/%PLUGIN_ID%');
  });

  it('depends on the Grafana line it is built against', () => {
    expect(pluginJson.dependencies.grafanaDependency).toBe('>=13.1.0');
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.dependencies['@grafana/data']).toMatch(/^13\.1\./);
    expect(pkg.dependencies.react).toMatch(/^18\.3\./);
  });
});
