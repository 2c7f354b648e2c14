// Helpers for the provisioning and dashboard tests: read files, expand Grafana variables, check query grammars.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parser as logqlParser } from '@grafana/lezer-logql';
import { parser as traceqlParser } from '@grafana/lezer-traceql';
import { parser as promqlParser } from '@prometheus-io/lezer-promql';
import { parse as parseYaml } from 'yaml';

export const ROOT = path.resolve(__dirname, '../..');
export const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

export function filesUnder(dir: string, ext: RegExp): string[] {
  const abs = path.join(ROOT, dir);
  return readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) {
      return filesUnder(rel, ext);
    }
    return ext.test(e.name) ? [rel] : [];
  });
}

/** A provisioning YAML file as Grafana reads it: parsed, then `$$` → `$` in strings (Grafana's env expansion). */
export function readProvisioning<T = Record<string, unknown>>(file: string): T {
  return unescapeDollars(parseYaml(read(file))) as T;
}

/** `$$` → `$` in every string of a parsed document (Grafana's provisioning `values` interpolation). */
function unescapeDollars(v: unknown): unknown {
  if (typeof v === 'string') {
    return v.replace(/\$\$/g, '$');
  }
  if (Array.isArray(v)) {
    return v.map(unescapeDollars);
  }
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unescapeDollars(x)]));
  }
  return v;
}

/**
 * An alert-rules provisioning file as Grafana reads it. grafana/grafana pkg/services/provisioning/alerting/
 * rules_types.go (v13.1.x): a rule's `annotations` come from their raw text (no environment expansion since
 * grafana/grafana#54975; at most braced `${VAR}` expansion later, which leaves `$labels` alone) and each query's
 * `model` from its Raw value; titles, labels and other fields are expanded (`$$` → `$`).
 */
export function readAlertRulesAsGrafana<T = Record<string, unknown>>(file: string): T {
  const doc = parseYaml(read(file)) as { groups?: Array<{ rules?: Array<Record<string, unknown>> }> };
  const expanded = unescapeDollars(doc) as typeof doc;
  (expanded.groups ?? []).forEach((g, gi) =>
    (g.rules ?? []).forEach((rule, ri) => {
      const raw = doc.groups![gi].rules![ri];
      rule.annotations = raw.annotations;
      const rawData = (raw.data as Array<Record<string, unknown>> | undefined) ?? [];
      ((rule.data as Array<Record<string, unknown>> | undefined) ?? []).forEach((q, qi) => {
        q.model = rawData[qi].model;
      });
    })
  );
  return expanded as T;
}

const SAMPLES: Record<string, string> = {
  __value: '550e8400-e29b-41d4-a716-446655440000',
  __trace: '4bf92f3577b34da6a3ce929d0e0e4736',
  __span: '550e8400-e29b-41d4-a716-446655440000',
  __tags: 'service_name="tasker-orchestration"',
  __rate_interval: '1m',
  __interval: '1m',
  __auto: '1m',
  __range: '1h',
  services: 'tasker-.+',
  namespace: '.+',
};

/** Replaces Grafana's `${...}` / `$name` variables with sample values, the way Grafana would before running a query. */
export function expandGrafanaVariables(query: string): string {
  return query
    .replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}/g, (_m, name: string) => sampleFor(name))
    .replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, name: string) => sampleFor(name));
}

function sampleFor(name: string): string {
  const value = SAMPLES[name];
  if (value === undefined) {
    throw new Error(`no sample value for Grafana variable "${name}"`);
  }
  return value;
}

function errorOffsets(parser: typeof traceqlParser | typeof promqlParser, query: string): number[] {
  const found: number[] = [];
  parser.parse(query).iterate({
    enter: (n) => {
      if (n.type.isError) {
        found.push(n.from);
      }
    },
  });
  return found;
}

/** Offsets of grammar errors (empty when the query parses cleanly). */
export const traceqlErrors = (q: string) => errorOffsets(traceqlParser, expandGrafanaVariables(q));
export const logqlErrors = (q: string) => errorOffsets(logqlParser, expandGrafanaVariables(q));

/** PromQL: grammar errors of Prometheus's own Lezer parser (the one its UI uses), and only Tempo span-metrics series. */
export function promqlProblems(query: string): string[] {
  const q = expandGrafanaVariables(query);
  const problems = errorOffsets(promqlParser, q).map((at) => `syntax error at ${at}: ${q.slice(at, at + 20)}`);
  const series = q.match(/[a-z_]+(?=\{)/g) ?? [];
  for (const s of series) {
    if (!/^traces_spanmetrics_(calls_total|latency_bucket|latency_sum|latency_count)$/.test(s)) {
      problems.push(`unexpected series ${s}`);
    }
  }
  return problems;
}
