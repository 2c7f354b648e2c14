/**
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// Node export conditions: the yaml package's browser build is ESM only.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseArgs } from '../../workload/src/args';
import { ROOT, read } from './provisioningSupport';

interface Service {
  image?: string;
  ports?: string[];
  volumes?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  command?: string[];
  working_dir?: string;
}

const compose = parseYaml(read('docker-compose.yaml')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const services = compose.services;
const PLUGIN_ID = JSON.parse(read('src/plugin.json')).id as string;
const PROVISIONING_ROOT = '/otel-lgtm/grafana/conf/provisioning/';

const hostPorts = (s: Service) => (s.ports ?? []).map((p) => Number(String(p).split(':')[0]));
const mounts = (s: Service) =>
  (s.volumes ?? []).map((v) => {
    const [source, target, mode] = v.split(':');
    return { source, target, mode };
  });

describe('docker-compose.yaml', () => {
  it('declares the stack services', () => {
    expect(Object.keys(services).sort()).toEqual(['observability', 'plugin-build', 'postgres', 'tasker-workload']);
  });

  it('pins every image to a tag', () => {
    for (const [name, s] of Object.entries(services)) {
      expect({ name, image: s.image }).toEqual({ name, image: expect.stringMatching(/^[\w./-]+:\d[\w.-]*$/) });
    }
    expect(services.observability.image).toBe('grafana/otel-lgtm:0.31.0');
  });

  it('publishes Grafana, Loki, Tempo, OTLP and Prometheus from the observability service, PostgreSQL on 5432', () => {
    expect(hostPorts(services.observability)).toEqual(expect.arrayContaining([3000, 3100, 3200, 4317, 4318, 9090]));
    expect(hostPorts(services.postgres)).toEqual([5432]);
  });

  it("mounts the built plugin where otel-lgtm looks for plugins, and this project's provisioning", () => {
    const m = mounts(services.observability);
    expect(m).toContainEqual({ source: './dist', target: `/data/grafana/plugins/${PLUGIN_ID}`, mode: 'ro' });
    expect(m).toContainEqual({
      source: './provisioning/datasources/grafana-datasources.yaml',
      target: `${PROVISIONING_ROOT}datasources/grafana-datasources.yaml`,
      mode: 'ro',
    });
    const provisioning = m.filter((x) => x.source.startsWith('./provisioning'));
    const grafanaProvisioning = provisioning.filter((x) => x.target.startsWith(PROVISIONING_ROOT));
    // No dashboards/: the app's dashboards come from its plugin.json includes (see upstreamStack.test.ts).
    expect(grafanaProvisioning.map((x) => x.target.split('/').slice(5, 6)[0]).sort()).toEqual([
      'alerting',
      'datasources',
      'plugins',
    ]);
    expect(provisioning.filter((x) => !grafanaProvisioning.includes(x))).toEqual([
      { source: './provisioning/tempo/tempo-config.yaml', target: '/otel-lgtm/tempo-config.yaml', mode: 'ro' },
    ]);
    for (const x of provisioning) {
      expect({ source: x.source, exists: existsSync(path.join(ROOT, x.source)) }).toEqual({
        source: x.source,
        exists: true,
      });
      expect(x.mode).toBe('ro');
    }
  });

  it('keeps all state in named volumes so `down -v` gives a clean slate', () => {
    expect(mounts(services.observability)).toContainEqual({ source: 'lgtm-data', target: '/data', mode: undefined });
    expect(mounts(services.postgres)).toContainEqual({
      source: 'postgres-data',
      target: '/var/lib/postgresql/data',
      mode: undefined,
    });
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['lgtm-data', 'postgres-data']));
  });

  it('turns anonymous access off, logs in as admin/admin, allows only this unsigned plugin', () => {
    expect(services.observability.environment).toMatchObject({
      GF_AUTH_ANONYMOUS_ENABLED: 'false',
      GF_SECURITY_ADMIN_USER: 'admin',
      GF_SECURITY_ADMIN_PASSWORD: 'admin',
      GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS: PLUGIN_ID,
    });
  });

  it("health-checks on otel-lgtm's /tmp/ready and waits for the plugin build", () => {
    expect(services.observability.healthcheck?.test.join(' ')).toContain('/tmp/ready');
    expect(services.observability.depends_on).toEqual({
      'plugin-build': { condition: 'service_completed_successfully' },
    });
  });

  it('builds the plugin with npm ci && npm run build into ./dist', () => {
    const build = services['plugin-build'];
    expect(build.image).toMatch(/^node:22\./);
    const script = (build.command ?? []).join('\n');
    expect(script).toMatch(/npm ci[^\n]*\n\s*npm run build/);
    expect(script).toContain('/src/dist');
    expect(mounts(build)).toContainEqual({ source: '.', target: '/src', mode: undefined });
  });

  it('runs PostgreSQL as the guide says', () => {
    expect(services.postgres.environment).toEqual({
      POSTGRES_USER: 'tasker',
      POSTGRES_PASSWORD: 'tasker',
      POSTGRES_DB: 'tasker_rust_development',
    });
  });

  it('runs the workload generator against the collector with a valid command line', () => {
    const w = services['tasker-workload'];
    expect(w.environment?.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://observability:4318');
    expect(w.depends_on).toMatchObject({
      observability: { condition: 'service_healthy' },
      'plugin-build': { condition: 'service_completed_successfully' },
    });
    const command = w.command ?? [];
    expect(command.slice(0, 3)).toEqual(['npx', 'tsx', 'workload/src/cli.ts']);
    const cli = parseArgs(command.slice(3));
    expect(cli).toMatchObject({ shape: 'both', rate: 0.5, durationSeconds: Infinity });
  });

  it('writes every literal $ as $$ (compose interpolates $)', () => {
    expect(JSON.stringify(compose).replace(/\$\$/g, '').includes('$')).toBe(false);
  });
});

// `docker compose config` needs the compose plugin (or docker-compose); a bare docker client cannot check the file.
function composeCommand(): string[] | undefined {
  for (const cmd of [['docker', 'compose'], ['docker-compose']]) {
    const r = spawnSync(cmd[0], [...cmd.slice(1), 'version'], { encoding: 'utf8' });
    if (r.status === 0) {
      return cmd;
    }
  }
  return undefined;
}
const composeCli = composeCommand();
if (!composeCli) {
  console.log('docker compose config: skipped (no compose plugin or docker-compose here); the file is only parsed.');
}
(composeCli ? it : it.skip)('docker compose config -q accepts the file', () => {
  const cmd = composeCli ?? [];
  const r = spawnSync(cmd[0], [...cmd.slice(1), '-f', path.join(ROOT, 'docker-compose.yaml'), 'config', '-q'], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
});
