// Checks the built plugin in dist/ the way Grafana will load it. `npm test` builds before Jest runs;
// run `npm run build` first when running this file alone.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const dist = path.resolve(__dirname, '../../dist');

// What Grafana 13 hands to a plugin's AMD module (its SystemJS shared-module map, plus the AMD meta module).
const GRAFANA_PROVIDED = new Set([
  'module',
  'react',
  'react-dom',
  'react/jsx-runtime',
  'react-router',
  'react-router-dom',
  'react-redux',
  'redux',
  '@grafana/data',
  '@grafana/ui',
  '@grafana/runtime',
  '@grafana/i18n',
  '@emotion/css',
  '@emotion/react',
  'rxjs',
  'lodash',
  'moment',
  'jquery',
  'd3',
  'i18next',
  'prismjs',
  'slate',
  'slate-plain-serializer',
  '@grafana/slate-react',
]);

function amdDependencies(file: string): string[] {
  let deps: string[] | undefined;
  const define = (a: unknown, b: unknown) => {
    deps = Array.isArray(a) ? a : Array.isArray(b) ? b : [];
  };
  (define as unknown as { amd: boolean }).amd = true;
  vm.runInNewContext(readFileSync(file, 'utf8'), { define, window: {}, self: {} });
  if (!deps) {
    throw new Error(`${file} did not call define(): not an AMD module`);
  }
  return deps;
}

const describeBuilt = existsSync(path.join(dist, 'module.js')) ? describe : describe.skip;

describeBuilt('dist/ (the built plugin)', () => {
  it('module.js is an AMD module that asks Grafana only for modules Grafana provides', () => {
    const deps = amdDependencies(path.join(dist, 'module.js'));
    expect(deps.length).toBeGreaterThan(0);
    expect(deps.filter((d) => !GRAFANA_PROVIDED.has(d))).toEqual([]);
  });

  it('no chunk bundles React or Grafana packages (they stay external)', () => {
    for (const file of readdirSync(dist).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(path.join(dist, file), 'utf8');
      // Markers of a bundled React or @grafana/ui copy.
      expect(code).not.toContain('__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED');
      expect(code).not.toContain('react.production.min.js');
    }
  });

  const pluginJson = JSON.parse(readFileSync(path.join(dist, 'plugin.json'), 'utf8'));

  it('plugin.json has every %PLACEHOLDER% filled', () => {
    expect(JSON.stringify(pluginJson)).not.toMatch(/%[A-Z_]+%/);
    expect(pluginJson.info.version).toBe(
      JSON.parse(readFileSync(path.resolve(dist, '../package.json'), 'utf8')).version
    );
    expect(pluginJson.info.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('every path plugin.json names exists in dist/', () => {
    const paths: string[] = [
      pluginJson.info.logos.small,
      pluginJson.info.logos.large,
      ...(pluginJson.info.screenshots ?? []).map((s: { path: string }) => s.path),
      ...pluginJson.includes
        .filter((i: { type: string }) => i.type === 'dashboard')
        .map((i: { path: string }) => i.path),
    ];
    for (const p of paths) {
      expect(existsSync(path.join(dist, p))).toBe(true);
    }
  });

  it('ships README, CHANGELOG and LICENSE', () => {
    for (const f of ['README.md', 'CHANGELOG.md', 'LICENSE']) {
      expect(existsSync(path.join(dist, f))).toBe(true);
    }
  });
});
