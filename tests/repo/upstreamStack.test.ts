/**
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// Issue 11: the shipped stack as grafana/otel-lgtm 0.31.0 (Grafana 13.1.3, Tempo 3.0.3, Loki 3.7.6) really behaves.
// Each block pins one fact read in the upstream sources at the pinned tags, named beside it, so a change that
// reintroduces the problem fails here. None of this ran against a live stack (no Docker where this is built).
// Node export conditions: the yaml package's browser build is ESM only.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { simulate } from '../../workload/src/simulate';
import { filesUnder, logqlErrors, read, readAlertRulesAsGrafana, readProvisioning, ROOT } from './provisioningSupport';

type Json = Record<string, unknown>;
interface Service {
  image?: string;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  command?: string[];
}

// semver ships no types; the two functions used here.
const semver = createRequire(__filename)('semver') as {
  satisfies(version: string, range: string): boolean;
  subset(sub: string, sup: string): boolean;
};

const APP_ID = 'tasker-observability-app';
const compose = parseYaml(read('docker-compose.yaml')) as { services: Record<string, Service> };
const services = compose.services;
const lgtmMounts = (services.observability.volumes ?? []).map((v) => {
  const [source, target, mode] = v.split(':');
  return { source, target, mode };
});
const datasources = readProvisioning<{ datasources: Array<{ uid: string; jsonData?: Json }> }>(
  'provisioning/datasources/grafana-datasources.yaml'
).datasources;
const jsonDataOf = (uid: string) => datasources.find((d) => d.uid === uid)?.jsonData as Json;
const TEMPO_CONFIG = 'provisioning/tempo/tempo-config.yaml';
// Read leniently so that a missing file fails the tests that need it, not the whole file.
const tempoConfig = (existsSync(path.join(ROOT, TEMPO_CONFIG)) ? parseYaml(read(TEMPO_CONFIG)) : {}) as Json;
const buildScript = (services['plugin-build'].command ?? []).join('\n');
const readme = read('README.md');
const provisioningReadme = read('provisioning/README.md');

// 1. grafana/tempo v3.0.3 cmd/tempo/app/config.go: `c.StreamOverHTTPEnabled = false` (yaml stream_over_http_enabled),
//    and grafana/docker-otel-lgtm v0.31.0 docker/tempo-config.yaml does not set it; docker/run-tempo.sh starts Tempo
//    with `--config.file=./tempo-config.yaml` from WORKDIR /otel-lgtm (docker/Dockerfile). Grafana's Tempo datasource
//    (grafana/grafana-tempo-datasource v13.1.3 src/datasource.ts) streams search when streamingEnabled.search is on.
describe('1. streamed TraceQL search has a Tempo that serves it', () => {
  it("mounts a Tempo config with stream_over_http_enabled at the path otel-lgtm's run-tempo.sh reads", () => {
    expect(lgtmMounts).toContainEqual({
      source: './provisioning/tempo/tempo-config.yaml',
      target: '/otel-lgtm/tempo-config.yaml',
      mode: 'ro',
    });
    expect(tempoConfig.stream_over_http_enabled).toBe(true);
  });

  it('the datasource streams only because Tempo serves streams', () => {
    const streaming = jsonDataOf('tempo').streamingEnabled as { search?: boolean; metrics?: boolean } | undefined;
    if (streaming?.search || streaming?.metrics) {
      expect(tempoConfig.stream_over_http_enabled).toBe(true);
    }
  });

  it("keeps otel-lgtm 0.31.0's Tempo settings the rest of the image relies on", () => {
    // The collector (docker/otelcol-config.yaml) exports traces to 127.0.0.1:4418; run-all.sh probes :3200/ready;
    // Grafana's datasource uses :3200; span metrics go to the image's Prometheus with exemplars.
    expect(tempoConfig).toMatchObject({
      server: { http_listen_port: 3200, grpc_listen_port: 9096 },
      distributor: {
        receivers: {
          otlp: { protocols: { grpc: { endpoint: '127.0.0.1:4417' }, http: { endpoint: '127.0.0.1:4418' } } },
        },
      },
      querier: { frontend_worker: { frontend_address: '127.0.0.1:9096' } },
      storage: { trace: { backend: 'local', wal: { path: '/data/tempo/wal' }, local: { path: '/data/tempo/blocks' } } },
      metrics_generator: {
        storage: {
          path: '/data/tempo/generator/wal',
          remote_write: [{ url: 'http://127.0.0.1:9090/api/v1/write', send_exemplars: true }],
        },
      },
      overrides: { defaults: { metrics_generator: { processors: ['service-graphs', 'span-metrics'] } } },
    });
  });
});

// 2. grafana/grafana v13.1.x pkg/services/provisioning/alerting/rules_types.go: annotations are taken raw (no
//    environment expansion, grafana/grafana#54975), query models from their Raw value; labels and titles go through
//    pkg/services/provisioning/values (where `$$` is a literal `$`). Datasource jsonData is expanded
//    (pkg/services/provisioning/datasources/types.go: JSONData.Value()), so `$$` is right there.
describe('2. alert annotations are Go templates Grafana can run', () => {
  const rules = readAlertRulesAsGrafana<{ groups: Array<{ rules: Json[] }> }>(
    'provisioning/alerting/tasker-alerts.yaml'
  ).groups.flatMap((g) => g.rules);

  it('no `$$` in annotations or query models, where Grafana would keep it literal', () => {
    for (const rule of rules) {
      const raw = JSON.stringify({ annotations: rule.annotations, data: rule.data });
      expect({ uid: rule.uid, doubled: raw.includes('$$') }).toEqual({ uid: rule.uid, doubled: false });
    }
  });

  it('every template action in an annotation reads $labels or $values', () => {
    for (const rule of rules) {
      for (const text of Object.values(rule.annotations as Record<string, string>)) {
        for (const [, action] of text.matchAll(/\{\{(.*?)\}\}/g)) {
          expect(action.trim()).toMatch(/^\$(labels|values)\.[A-Za-z_][A-Za-z0-9_]*$/);
        }
      }
    }
    expect(String((rules[0].annotations as Json).summary)).toContain('{{ $labels.service }}');
  });

  it('titles and labels, which Grafana expands, hold no `$`', () => {
    for (const rule of rules) {
      expect(JSON.stringify({ title: rule.title, labels: rule.labels })).not.toContain('$');
    }
  });
});

// 3. grafana/tempo v3.0.3 modules/generator/registry/histogram.go and native_histogram.go: an empty
//    trace_id_label_name becomes "traceID" on span-metrics exemplars; otel-lgtm v0.31.0 docker/tempo-config.yaml does
//    not set it. (grafana/grafana-tempo-datasource v13.1.3 provisioning/datasources/datasources.yml uses traceID too.)
describe('3. exemplars link to Tempo by the label Tempo writes', () => {
  it('Prometheus reads the trace id of exemplars from traceID', () => {
    const destinations = jsonDataOf('prometheus').exemplarTraceIdDestinations as Json[];
    expect(destinations.map((d) => [d.name, d.datasourceUid])).toEqual([['traceID', 'tempo']]);
  });

  it('the mounted Tempo config keeps the default label', () => {
    const overrides = JSON.stringify(tempoConfig.overrides ?? {});
    expect(overrides).not.toContain('trace_id_label_name');
  });

  it('latency panels ask for exemplars', () => {
    const targets = ['src/dashboards/tasker-overview.json', 'src/dashboards/tasker-tempo.json']
      .map((f) => JSON.parse(read(f)) as { panels: Array<{ targets?: Json[] }> })
      .flatMap((d) => d.panels.flatMap((p) => p.targets ?? []))
      .filter((t) => String(t.expr ?? '').startsWith('histogram_quantile'));
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((t) => t.exemplar === true).length).toBeGreaterThanOrEqual(3);
  });
});

// 4. grafana/grafana v13.1.x public/app/features/explore/TraceView/createSpanLink.tsx: a custom trace-to-logs query is
//    shown only when getVariableUsageInfo(...).allVariablesDefined for the span; `${__trace.traceId}` is always set,
//    `${__span.tags[...]}` only when the span has that tag.
describe('4. every span gets a Logs link', () => {
  const t2l = jsonDataOf('tempo').tracesToLogsV2 as Json;

  it('the custom query uses only variables every span defines, and is valid LogQL', () => {
    expect(t2l.customQuery).toBe(true);
    const query = String(t2l.query);
    const variables = [...query.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]);
    expect(variables.length).toBeGreaterThan(0);
    for (const v of variables) {
      expect(v).toMatch(/^__(trace\.traceId|span\.(spanId|traceId))$/);
    }
    expect(query).not.toMatch(/__span\.tags|__tags/);
    expect(logqlErrors(query)).toEqual([]);
  });
});

// 5. grafana/grafana v13.1.x pkg/services/provisioning/plugins/config_reader.go: an app that is not installed fails
//    provisioning ("plugin not installed"), so Grafana's start fails; grafana/docker-otel-lgtm v0.31.0
//    docker/run-all.sh then prints "<Component> exited before becoming ready", stops every component and exits 1.
describe('5. Grafana starts only with the plugin built', () => {
  it('the app is provisioned, so Grafana waits for a successful plugin build', () => {
    expect(readProvisioning<{ apps: Json[] }>('provisioning/plugins/tasker-app.yaml').apps[0].type).toBe(APP_ID);
    expect(services.observability.depends_on?.['plugin-build']).toEqual({
      condition: 'service_completed_successfully',
    });
  });

  it('the plugin build fails loudly when dist/module.js is missing', () => {
    expect(buildScript).toMatch(/if \[ ! -f dist\/module\.js \]; then\n\s*echo "[^"]*module\.js[^"]*" >&2\n\s*exit 1/);
    expect(buildScript).toContain('test -f /src/dist/module.js');
    // The check comes after the build and before ./dist is replaced.
    expect(buildScript.indexOf('npm run build')).toBeLessThan(buildScript.indexOf('dist/module.js'));
    expect(buildScript.indexOf('dist/module.js')).toBeLessThan(buildScript.indexOf('cp -R dist/. /src/dist/'));
  });

  it("README troubleshooting names otel-lgtm's real symptom and the fix", () => {
    const troubleshooting = readme.slice(readme.indexOf('## Troubleshooting'));
    expect(troubleshooting).toContain('exited before becoming ready');
    expect(troubleshooting).toContain('plugin not installed');
    expect(troubleshooting).toContain('docker compose logs plugin-build');
  });
});

// 6. grafana/grafana v13.1.x pkg/services/plugindashboards/service/dashboard_updater.go: at start (and when an app is
//    enabled) Grafana imports an enabled app's `includes` dashboards with Overwrite, which a file-provisioned
//    dashboard of the same UID refuses; one mechanism only: the app's includes.
describe('6. dashboards come from one mechanism', () => {
  it('no Grafana dashboard provider is provisioned or mounted', () => {
    expect(filesUnder('provisioning', /\.ya?ml$/).filter((f) => f.includes('dashboards'))).toEqual([]);
    expect(lgtmMounts.filter((m) => m.target.includes('/provisioning/dashboards'))).toEqual([]);
  });

  it('every shipped dashboard is in plugin.json includes, once', () => {
    const plugin = JSON.parse(read('src/plugin.json')) as { includes: Array<{ type: string; path?: string }> };
    const included = plugin.includes.filter((i) => i.type === 'dashboard').map((i) => i.path);
    expect(new Set(included).size).toBe(included.length);
    expect(included.sort()).toEqual(
      filesUnder('src/dashboards', /\.json$/)
        .map((f) => f.replace('src/', ''))
        .sort()
    );
  });
});

// 7. npm registry metadata (engines.node) of the pinned OpenTelemetry JS packages, read from package-lock.json.
describe('7. OpenTelemetry JS packages declare the Node versions the project runs', () => {
  const pkg = JSON.parse(read('package.json')) as {
    engines: { node: string };
    devDependencies: Record<string, string>;
  };
  const lock = JSON.parse(read('package-lock.json')) as {
    packages: Record<string, { version: string; engines?: { node?: string } }>;
  };
  const composeNode = String(services['plugin-build'].image).match(/^node:(\d+\.\d+\.\d+)/)?.[1] ?? '';
  const otel = Object.entries(lock.packages).filter(([p]) => /(^|\/)node_modules\/@opentelemetry\//.test(p));

  it('are pinned exactly', () => {
    const pinned = Object.entries(pkg.devDependencies).filter(([name]) => name.startsWith('@opentelemetry/'));
    expect(pinned.length).toBeGreaterThan(5);
    for (const [name, version] of pinned) {
      expect({ name, version }).toEqual({ name, version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    }
  });

  it("cover package.json's engines, this Node and the compose containers' Node", () => {
    expect(composeNode).toBe('22.12.0');
    expect(services['tasker-workload'].image).toBe(services['plugin-build'].image);
    expect(otel.length).toBeGreaterThan(5);
    for (const [where, info] of otel) {
      const range = info.engines?.node ?? '*';
      const ok = {
        project: semver.subset(pkg.engines.node, range),
        here: semver.satisfies(process.version, range),
        compose: semver.satisfies(composeNode, range),
      };
      expect({ where, version: info.version, range, ok }).toEqual({
        where,
        version: info.version,
        range,
        ok: { project: true, here: true, compose: true },
      });
    }
  });
});

// 8. ../shared/docs/tasker-telemetry.md: tasker-core's spans are all kind INTERNAL. Tempo's service graph
//    (grafana/tempo v3.0.3 modules/generator/processor/servicegraphs) pairs CLIENT/SERVER or PRODUCER/CONSUMER spans.
describe('8. span kinds and the service map', () => {
  it('the workload emits only INTERNAL spans, in both shapes', () => {
    for (const shape of ['tasker-core', 'documented'] as const) {
      const batch = simulate({ seed: 11, count: 4, shape, startMs: Date.UTC(2026, 10, 26) });
      const kinds = new Set([...batch.tasks.flatMap((t) => t.spans), ...batch.noise].map((s) => s.kind));
      expect({ shape, kinds: [...kinds] }).toEqual({ shape, kinds: ['internal'] });
    }
  });

  it('the Tempo datasource does not offer a service map that would stay empty, and the README says why', () => {
    expect(jsonDataOf('tempo').serviceMap).toBeUndefined();
    expect(provisioningReadme).toMatch(/service map/i);
    expect(provisioningReadme).toMatch(/INTERNAL/);
  });
});

// 9. The plugin-build one-shot: any failing step fails the service (and so keeps Grafana from starting).
describe('9. the plugin-build service', () => {
  it('runs its script under bash with set -euo pipefail (the copy is a tar | tar pipeline)', () => {
    expect(services['plugin-build'].command?.slice(0, 2)).toEqual(['bash', '-c']);
    expect(buildScript.split('\n')[2].trim()).toBe('set -euo pipefail');
    expect(buildScript).toMatch(/tar [^\n|]*\| tar /);
  });

  it('makes no claim that node_modules is kept across runs (npm ci deletes it)', () => {
    const file = read('docker-compose.yaml');
    expect(file).not.toMatch(/node_modules (stays|is kept)/);
    expect(buildScript).toContain('npm ci');
  });

  it('the README states the time from up to the first task, as an estimate', () => {
    const stack = readme.slice(readme.indexOf('## The stack in detail'), readme.indexOf('## Access services'));
    expect(stack).toMatch(/first task/i);
    expect(stack).toMatch(/estimate/i);
    expect(stack).toMatch(/\d+\s*(–|-|to)\s*\d+\s*minutes/);
  });
});

// grafana/grafana-tempo-datasource v13.1.x, src/datasource.ts (makeTraceIdRequest): with timeShiftEnabled a trace
// lookup asks for [from - spanStartTimeShift, to + spanEndTimeShift]. A negative start shift moves the start later
// and can cut the trace out of the range.
describe('10. trace lookups are widened, never narrowed', () => {
  it('traceQuery shifts are positive durations', () => {
    const traceQuery = jsonDataOf('tempo').traceQuery as Json;
    expect(traceQuery.timeShiftEnabled).toBe(true);
    for (const key of ['spanStartTimeShift', 'spanEndTimeShift']) {
      expect(String(traceQuery[key])).toMatch(/^\d+(ms|s|m|h|d)$/);
    }
  });
});
