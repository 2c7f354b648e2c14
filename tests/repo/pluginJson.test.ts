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
    expect(pages.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['Tasks', 'Logs', 'Configuration']));
    expect(pages.filter((p: { defaultNav?: boolean }) => p.defaultNav)).toHaveLength(1);
    expect(pages.find((p: { defaultNav?: boolean }) => p.defaultNav).name).toBe('Tasks');
    for (const page of pages.filter((p: { name: string }) => p.name !== 'Configuration')) {
      expect(page.action).toBe('datasources:explore');
    }
    expect(pages.find((p: { name: string }) => p.name === 'Configuration').role).toBe('Admin');
  });

  it('depends on the Grafana line it is built against', () => {
    expect(pluginJson.dependencies.grafanaDependency).toBe('>=13.1.0');
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.dependencies['@grafana/data']).toMatch(/^13\.1\./);
    expect(pkg.dependencies.react).toMatch(/^18\.3\./);
  });
});
