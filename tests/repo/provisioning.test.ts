/**
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// Node export conditions: the yaml package's browser build is ESM only.
import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { buildDashboards, serializeDashboard, SHARED_QUERIES } from '../../workload/src/dashboards/build';
import { DEFAULT_DATASOURCE_UIDS } from '../../src/settings/types';
import {
  filesUnder,
  logqlErrors,
  promqlProblems,
  read,
  readAlertRulesAsGrafana,
  readProvisioning,
  traceqlErrors,
} from './provisioningSupport';

interface Datasource {
  name: string;
  type: string;
  uid: string;
  url: string;
  jsonData?: Record<string, unknown>;
}
type Json = Record<string, unknown>;

const APP_ID = 'tasker-observability-app';
const TASK_URL = `/a/${APP_ID}/tasks/\${__value.raw}`;

const datasources = readProvisioning<{ apiVersion: number; datasources: Datasource[] }>(
  'provisioning/datasources/grafana-datasources.yaml'
);
const byUid = new Map(datasources.datasources.map((d) => [d.uid, d]));
const uids = new Set(byUid.keys());
const dashboardFiles = filesUnder('src/dashboards', /\.json$/);
const dashboards = dashboardFiles.map((f) => ({ file: f, json: JSON.parse(read(f)) as Json }));

/** Every datasource reference anywhere in a parsed document: `datasourceUid: x` and `datasource: {uid: x}`. */
function referencedUids(doc: unknown, out: string[] = []): string[] {
  if (Array.isArray(doc)) {
    doc.forEach((d) => referencedUids(d, out));
  } else if (doc && typeof doc === 'object') {
    for (const [k, v] of Object.entries(doc)) {
      if (k === 'datasourceUid' && typeof v === 'string') {
        out.push(v);
      } else if (k === 'datasource' && v && typeof v === 'object' && typeof (v as Json).uid === 'string') {
        out.push(String((v as Json).uid));
      } else {
        referencedUids(v, out);
      }
    }
  }
  return out;
}

/** Every panel target of a dashboard (rows flattened), with its panel title. */
function targets(d: Json): Array<Json & { panel: string }> {
  const panels = (d.panels as Json[]).flatMap((p) => [p, ...((p.panels as Json[] | undefined) ?? [])]);
  return panels.flatMap((p) =>
    ((p.targets as Json[] | undefined) ?? []).map((t) => ({ ...t, panel: String(p.title) }))
  );
}

describe('provisioning files', () => {
  // provisioning/tempo/ holds Tempo's own configuration, not a Grafana provisioning file.
  const yamlFiles = filesUnder('provisioning', /\.ya?ml$/).filter((f) => !f.startsWith('provisioning/tempo/'));

  it('every Grafana provisioning YAML file parses and declares apiVersion 1', () => {
    expect(yamlFiles.length).toBeGreaterThanOrEqual(3);
    for (const f of yamlFiles) {
      const doc = parseYaml(read(f));
      expect({ f, apiVersion: doc.apiVersion }).toEqual({ f, apiVersion: 1 });
    }
  });

  it('every JSON dashboard parses', () => {
    expect(dashboardFiles.sort()).toEqual([
      'src/dashboards/tasker-overview.json',
      'src/dashboards/tasker-phases.json',
      'src/dashboards/tasker-tempo.json',
    ]);
  });

  it('every datasource UID referenced in provisioning/ exists', () => {
    const referenced = yamlFiles
      .filter((f) => !f.includes('datasources/'))
      .flatMap((f) => referencedUids(parseYaml(read(f))))
      .concat(referencedUids(datasources.datasources.map((d) => d.jsonData)));
    expect(referenced.length).toBeGreaterThan(5);
    for (const uid of referenced) {
      expect({ uid, exists: uid === '__expr__' || uids.has(uid) }).toEqual({ uid, exists: true });
    }
  });
});

describe('datasources', () => {
  it('keep the UIDs otel-lgtm uses and the app defaults to', () => {
    expect(datasources.apiVersion).toBe(1);
    expect(byUid.get(DEFAULT_DATASOURCE_UIDS.tempo)?.type).toBe('tempo');
    expect(byUid.get(DEFAULT_DATASOURCE_UIDS.loki)?.type).toBe('loki');
    expect(byUid.get(DEFAULT_DATASOURCE_UIDS.prometheus)?.type).toBe('prometheus');
    expect(byUid.get('pyroscope')?.type).toBe('grafana-pyroscope-datasource');
    expect(byUid.get('tempo')?.url).toBe('http://localhost:3200');
    expect(byUid.get('loki')?.url).toBe('http://localhost:3100');
    expect(byUid.get('prometheus')?.url).toBe('http://localhost:9090');
  });

  it('write Grafana link variables as $${...} in the YAML source', () => {
    const raw = read('provisioning/datasources/grafana-datasources.yaml');
    const unescaped = raw.replace(/\$\$/g, '').match(/\$[{A-Za-z_]/g);
    expect(unescaped).toBeNull();
    expect(raw).toContain('$${__value.raw}');
  });

  const tempo = byUid.get('tempo')?.jsonData as Json;

  it("Tempo links traces to logs with a valid LogQL on the span's trace_id", () => {
    const t2l = tempo.tracesToLogsV2 as Json;
    expect(t2l.datasourceUid).toBe('loki');
    expect(t2l.customQuery).toBe(true);
    const query = String(t2l.query);
    expect(query).toContain('trace_id="${__trace.traceId}"');
    expect(logqlErrors(query)).toEqual([]);
  });

  it('the trace-to-logs query grammar check can fail', () => {
    expect(logqlErrors('{service_name=~"tasker-.+"} | trace_id="${__trace.traceId}" or (')).not.toEqual([]);
  });

  it('Tempo links to metrics and the node graph, not to a service map tasker-core cannot fill', () => {
    const t2m = tempo.tracesToMetrics as { datasourceUid: string; queries: Array<{ name: string; query: string }> };
    expect(t2m.datasourceUid).toBe('prometheus');
    expect(t2m.queries.length).toBeGreaterThan(0);
    for (const q of t2m.queries) {
      expect({ q: q.name, problems: promqlProblems(q.query.replace('$__tags', 'service="x"')) }).toEqual({
        q: q.name,
        problems: [],
      });
    }
    expect(tempo.serviceMap).toBeUndefined();
    expect(tempo.nodeGraph).toEqual({ enabled: true });
  });

  it('Loki derives "Show in Tempo" from trace_id and task links from correlation_id', () => {
    const fields = (byUid.get('loki')?.jsonData as { derivedFields: Json[] }).derivedFields;
    const traceId = fields.find((f) => f.name === 'trace_id');
    expect(traceId).toMatchObject({
      matcherType: 'label',
      matcherRegex: 'trace_id',
      datasourceUid: 'tempo',
      url: '${__value.raw}',
      urlDisplayLabel: 'Show in Tempo',
    });
    // A line with only a trace_id (most of tasker-core's) opens its trace's flow in the app, and so its task.
    expect(fields.find((f) => f.name === 'trace_flow')).toEqual({
      name: 'trace_flow',
      matcherType: 'label',
      matcherRegex: 'trace_id',
      url: '/a/tasker-observability-app/trace/${__value.raw}',
      urlDisplayLabel: 'Open trace flow in Tasker',
    });
    const corr = fields.filter((f) => String(f.name).startsWith('correlation_id'));
    expect(corr.map((f) => f.matcherType).sort()).toEqual(['label', 'regex']);
    for (const f of corr) {
      expect(f.url).toBe(TASK_URL);
      expect(f.datasourceUid).toBeUndefined();
    }
    const regex = new RegExp(String(corr.find((f) => f.matcherType === 'regex')?.matcherRegex));
    const line =
      'worker.step_execution{ correlation_id=88f21229-4085-4d53-8f52-2fde0b7228e2 task_uuid=019ab6f9-7a27-7d16-b298-1ea41b327373 }: step.execution_started';
    expect(line.match(regex)?.[1]).toBe('88f21229-4085-4d53-8f52-2fde0b7228e2');
    expect('correlation_id=not-a-uuid'.match(regex)).toBeNull();
  });

  it('Prometheus exemplars open Tempo', () => {
    expect((byUid.get('prometheus')?.jsonData as Json).exemplarTraceIdDestinations).toEqual([
      expect.objectContaining({ name: 'traceID', datasourceUid: 'tempo' }),
    ]);
  });
});

describe('app provisioning', () => {
  it('enables the app with the datasource UIDs', () => {
    const apps = readProvisioning<{ apps: Json[] }>('provisioning/plugins/tasker-app.yaml').apps;
    expect(apps).toHaveLength(1);
    expect(apps[0]).toMatchObject({ type: APP_ID, org_id: 1, disabled: false });
    const { provisioned, ...uidsByKey } = apps[0].jsonData as Record<string, string | boolean>;
    expect(uidsByKey).toEqual({
      tempoDatasourceUid: 'tempo',
      lokiDatasourceUid: 'loki',
      prometheusDatasourceUid: 'prometheus',
    });
    // Grafana rewrites provisioned app settings at every start; the marker lets the Configuration page say so.
    expect(provisioned).toBe(true);
    for (const uid of Object.values(uidsByKey) as string[]) {
      expect(uids.has(uid)).toBe(true);
    }
  });

  it("does not file-provision the app's dashboards (Grafana imports them from plugin.json includes)", () => {
    expect(filesUnder('provisioning', /\.ya?ml$/).filter((f) => /dashboards?\//.test(f))).toEqual([]);
  });
});

describe('alert rules', () => {
  const alerting = readAlertRulesAsGrafana<{ apiVersion: number; groups: Array<{ folder: string; rules: Json[] }> }>(
    'provisioning/alerting/tasker-alerts.yaml'
  );
  const rules = alerting.groups.flatMap((g) => g.rules);

  it('alert on error rate and P95 latency with a threshold and a pending period', () => {
    expect(rules.map((r) => r.uid)).toEqual(['tasker-error-rate', 'tasker-p95-latency']);
    for (const rule of rules) {
      const data = rule.data as Array<{ refId: string; datasourceUid: string; model: Json }>;
      expect(data.map((d) => d.refId)).toContain(rule.condition);
      const threshold = data.find((d) => d.refId === rule.condition)?.model as { type: string; expression: string };
      expect(threshold.type).toBe('threshold');
      const query = data.find((d) => d.refId === threshold.expression);
      expect(query?.datasourceUid).toBe('prometheus');
      expect(promqlProblems(String(query?.model.expr))).toEqual([]);
      expect(String(rule.for)).toMatch(/^\d+m$/);
    }
  });

  it('the PromQL check can fail', () => {
    expect(promqlProblems('sum(rate(traces_spanmetrics_calls_total{service="a"}[5m])')).not.toEqual([]);
    expect(promqlProblems('sum(rate(up{job="x"}[5m]))')).toEqual(['unexpected series up']);
  });

  it('annotations reach Grafana as Go templates on $labels', () => {
    expect(String((rules[0].annotations as Json).summary)).toContain('{{ $labels.service }}');
  });
});

describe('dashboards', () => {
  it('are what workload/src/dashboards/build.ts produces (regenerate with npx tsx workload/src/dashboards/write.ts)', () => {
    const built = buildDashboards();
    for (const { file } of dashboards) {
      const name = file.replace('src/dashboards/', '');
      // Compared as data, so a formatter (prettier) may reflow the files.
      expect({ name, json: JSON.parse(read(file)) }).toEqual({
        name,
        json: JSON.parse(serializeDashboard(built[name])),
      });
    }
  });

  // Grafana re-imports a plugin's dashboard only when `revision` changes: content and revision move together.
  const RELEASED: Record<string, { revision: number; sha256: string }> = {
    'tasker-overview': { revision: 2, sha256: 'bf1d9dd84fc041c08070b813e40d293700609e1b72c0aea62c620d33f89c8e1b' },
    'tasker-phases': { revision: 1, sha256: 'daa7e94039c1a82c739731344019aa062ca9031e6c36b0892016d526b9299908' },
    'tasker-tempo': { revision: 2, sha256: '5537ccd0acd8c2ff85d04a2f7e872bca607e68b9dc9aa2e74b034d22ae4ef56c' },
  };

  it('bump their revision whenever their content changes', () => {
    for (const { json } of dashboards) {
      const { revision, ...content } = json;
      const sha256 = createHash('sha256').update(JSON.stringify(content)).digest('hex');
      const released = RELEASED[String(json.uid)];
      const hint =
        'content changed: bump `revision` in workload/src/dashboards/build.ts, regenerate, record the new hash here';
      if (released.sha256 !== sha256) {
        expect({ uid: json.uid, revision, hint }).toEqual({ uid: json.uid, revision: released.revision + 1, hint });
      } else {
        expect({ uid: json.uid, revision }).toEqual({ uid: json.uid, revision: released.revision });
      }
    }
  });

  it('have a fixed uid, a revision, tags and datasource variables whose defaults exist', () => {
    const seen = new Set<string>();
    for (const { file, json } of dashboards) {
      expect({ file, uid: typeof json.uid }).toEqual({ file, uid: 'string' });
      expect(seen.has(String(json.uid))).toBe(false);
      seen.add(String(json.uid));
      expect(Number.isInteger(json.revision) && (json.revision as number) >= 1).toBe(true);
      const vars = (json.templating as { list: Json[] }).list;
      const dsVars = vars.filter((v) => v.type === 'datasource');
      expect(dsVars.length).toBeGreaterThan(0);
      for (const v of dsVars) {
        expect(uids.has(String((v.current as Json).value))).toBe(true);
        expect(byUid.get(String((v.current as Json).value))?.type).toBe(v.query);
      }
      // Panels and targets use the variables, never a hard-coded UID.
      const dsNames = new Set(dsVars.map((v) => `\${${v.name}}`));
      for (const uid of referencedUids(json.panels)) {
        expect({ file, uid, ok: dsNames.has(uid) }).toEqual({ file, uid, ok: true });
      }
    }
  });

  it('are listed in plugin.json includes as dashboards', () => {
    const plugin = JSON.parse(read('src/plugin.json')) as {
      includes: Array<{ type: string; path?: string; name: string }>;
    };
    const included = plugin.includes.filter((i) => i.type === 'dashboard').map((i) => i.path);
    expect(included.sort()).toEqual(dashboardFiles.map((f) => f.replace('src/', '')).sort());
    const titles = plugin.includes.filter((i) => i.type === 'dashboard').map((i) => i.name);
    expect(titles.sort()).toEqual(dashboards.map((d) => String(d.json.title)).sort());
  });

  it('every TraceQL, LogQL and PromQL query is valid', () => {
    let counted = 0;
    for (const { file, json } of dashboards) {
      for (const t of targets(json)) {
        const ds = (t.datasource as Json).type;
        const q = String(t.query ?? t.expr);
        const where = `${file} / ${t.panel} / ${t.refId}`;
        if (ds === 'tempo') {
          expect({ where, q, errors: traceqlErrors(q) }).toEqual({ where, q, errors: [] });
        } else if (ds === 'loki') {
          expect({ where, q, errors: logqlErrors(q) }).toEqual({ where, q, errors: [] });
        } else {
          expect({ where, q, problems: promqlProblems(q) }).toEqual({ where, q, problems: [] });
        }
        counted++;
      }
    }
    expect(counted).toBeGreaterThan(20);
  });

  it("the grammar checks reject the guide's invalid TraceQL", () => {
    expect(traceqlErrors('{correlation_id="550e8400-e29b-41d4-a716-446655440000"}')).not.toEqual([]);
    expect(traceqlErrors('{span.namespace =~ "a" && status = error} | quantile_over_time(duration, .95)')).not.toEqual(
      []
    );
  });

  it('Tasker overview: per-namespace panels and a correlation_id table whose rows open the app', () => {
    const overview = dashboards.find((d) => d.json.uid === 'tasker-overview')?.json as Json;
    const panels = overview.panels as Json[];
    const table = panels.find((p) => p.type === 'table') as Json;
    const links = ((table.fieldConfig as Json).overrides as Array<{ matcher: Json; properties: Json[] }>).find((o) =>
      String(o.matcher.options).includes('correlation_id')
    );
    expect(links?.properties).toContainEqual({ id: 'links', value: [expect.objectContaining({ url: TASK_URL })] });
    expect(String((table.targets as Json[])[0].query)).toContain('select(span.correlation_id');
    const titles = panels.map((p) => String(p.title)).join(' | ');
    expect(titles).toMatch(/Trace rate/);
    expect(titles).toMatch(/P95/);
    expect(titles).toMatch(/Error/);
  });

  it('use the query builders of src/query/metrics.ts verbatim where they fit', () => {
    const all = dashboards.flatMap((d) => targets(d.json)).map((t) => String(t.query ?? t.expr));
    for (const [name, q] of Object.entries(SHARED_QUERIES)) {
      expect({ name, used: all.includes(q) }).toEqual({ name, used: true });
    }
  });

  it('Tempo dashboard: the panels the guide promises', () => {
    const tempo = dashboards.find((d) => d.json.uid === 'tasker-tempo')?.json as Json;
    const titles = (tempo.panels as Json[]).map((p) => String(p.title));
    expect(titles).toEqual(
      expect.arrayContaining(['Total spans', 'Span rate', 'Error rate', 'Duration histogram (span metrics)'])
    );
  });
});
