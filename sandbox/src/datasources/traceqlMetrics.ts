// TraceQL metrics in the Tempo stand-in: `{…} | count_over_time() by (…)` and
// `{…} | quantile_over_time(duration, q…) by (…)`, instant or range, evaluated over the store and answered in the
// frame shape Grafana 13.1's Tempo datasource builds (grafana/grafana-tempo-datasource v13.1.3,
// pkg/tempo/traceql/metrics.go: TransformInstantMetricsResponse / TransformMetricsResponse). Quantiles follow
// Tempo's log2 histogram (grafana/tempo pkg/traceql/engine_metrics.go: Log2Bucketize, Log2Quantile), so they are
// as coarse as the real ones, never exact.
import { parser } from '@grafana/lezer-traceql';
import type { SyntaxNode } from '@lezer/common';
import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';
import type { StoredSpan } from '../data/model';
import type { TelemetryStore } from '../data/store';
import { childrenOf, firstSyntaxError, QuerySyntaxError, textOf } from './syntax';
import { compileTraceQL, readField, type FieldRef } from './traceql';

/** Grafana's backend sends a TraceQL query to Tempo's metrics API when it has one of these after a pipe. */
const METRICS_QUERY =
  /\|\s*(rate|count_over_time|avg_over_time|sum_over_time|max_over_time|min_over_time|quantile_over_time|histogram_over_time|compare)\s*\(/;

export function isTraceqlMetricsQuery(query: string): boolean {
  return METRICS_QUERY.test(query);
}

interface MetricsPlan {
  spanset: string;
  fn: 'count_over_time' | 'quantile_over_time';
  quantiles: number[];
  by: FieldRef[];
  byText: string[];
}

function find(node: SyntaxNode, name: string): SyntaxNode | undefined {
  for (const k of childrenOf(node)) {
    if (k.name === name) {
      return k;
    }
    const inner = find(k, name);
    if (inner) {
      return inner;
    }
  }
  return undefined;
}

function plan(query: string): MetricsPlan {
  const tree = parser.parse(query);
  const err = firstSyntaxError(tree, query, 'TraceQL');
  if (err) {
    throw err;
  }
  const op = find(tree.topNode, 'MetricsOperation');
  if (!op) {
    throw new QuerySyntaxError('no metrics function after the spanset', 0);
  }
  // The spanset is everything before the pipe that leads to the metrics function.
  const before = query.slice(0, op.from);
  const pipeAt = before.lastIndexOf('|');
  const spanset = before.slice(0, pipeAt);
  const quantileNode = find(op, 'MetricsOperationQuantile');
  const basicType = find(op, 'MetricsOperationBasicType');
  let fn: MetricsPlan['fn'];
  const quantiles: number[] = [];
  if (quantileNode) {
    fn = 'quantile_over_time';
    const args = find(quantileNode, 'MetricsOperationQuantileArgs');
    const over = args ? textOf(query, childrenOf(args)[0]).trim() : '';
    if (over !== 'duration') {
      throw new QuerySyntaxError(
        `quantile_over_time(${over}) is not supported by the sandbox (only duration)`,
        op.from
      );
    }
    for (const k of args ? childrenOf(args) : []) {
      if (k.name === 'MetricsOperationQuantileArgsType') {
        quantiles.push(Number(textOf(query, k)));
      }
    }
  } else if (basicType && textOf(query, basicType) === 'count_over_time') {
    fn = 'count_over_time';
  } else {
    throw new QuerySyntaxError(`${textOf(query, op).slice(0, 40)} is not supported by the sandbox`, op.from);
  }
  const group = find(op, 'GroupOperation');
  const byText = group
    ? textOf(query, group)
        .replace(/^by\s*\(/, '')
        .replace(/\)\s*$/, '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
  // The stand-in's own TraceQL compiler reads the group-by fields the way it reads `| select(…)`.
  const by = byText.length ? compileTraceQL(`{} | select(${byText.join(', ')})`).fields : [];
  return { spanset, fn, quantiles, by, byText };
}

/** A series label value as Grafana's Tempo backend writes it: strings in double quotes (Go %s, no escaping). */
function labelValue(f: FieldRef, span: StoredSpan, trace: StoredSpan[]): string {
  const v = readField(f, span, trace);
  switch (v.t) {
    case 'str':
    case 'enum':
      return `"${v.v}"`;
    case 'num':
    case 'dur':
      return String(v.v);
    case 'bool':
      return String(v.v);
    default:
      return '';
  }
}

/** Tempo's power-of-two bucket of a duration, in seconds (-1 under 2 ns). */
function log2Bucket(durationNs: number): number {
  if (durationNs < 2) {
    return -1;
  }
  return 2 ** Math.ceil(Math.log2(durationNs)) / 1e9;
}

/** The quantile over power-of-two buckets, interpolated exponentially inside a bucket, as Tempo estimates it. */
export function log2Quantile(p: number, bucketMaxes: number[]): number {
  if (!(p >= 0 && p <= 1) || bucketMaxes.length === 0) {
    return 0;
  }
  const counts = new Map<number, number>();
  for (const b of bucketMaxes) {
    counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  const buckets = Array.from(counts.entries()).sort((a, b) => a[0] - b[0]);
  const total = bucketMaxes.length;
  const wanted = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  let i = 0;
  for (; i < buckets.length; i++) {
    if (seen + buckets[i][1] > wanted) {
      break;
    }
    seen += buckets[i][1];
    if (seen === wanted) {
      return buckets[i][0];
    }
  }
  i = Math.min(i, buckets.length - 1);
  const fraction = (wanted - seen) / buckets[i][1];
  const hi = Math.log2(buckets[i][0]);
  const lo = i > 0 ? Math.log2(buckets[i - 1][0]) : hi - 1;
  return 2 ** (lo + (hi - lo) * fraction);
}

/** Tempo's default step for a range query: about 240 points, in whole 5 s (or 1 s) steps, at least 1 s. */
export function defaultStepMs(fromMs: number, toMs: number): number {
  const baseline = (toMs - fromMs) / 240;
  let step = Math.floor(baseline / 5000) * 5000;
  if (step < 5000) {
    step = Math.floor(baseline / 1000) * 1000;
  }
  return Math.max(1000, step);
}

interface Series {
  labels: Array<[string, string]>;
  /** Per interval: bucket maxes (quantile) or counts. */
  intervals: Map<number, number[]>;
}

function seriesName(labels: Array<[string, string]>): string {
  if (labels.length === 0) {
    return '';
  }
  const plain = (v: string) => (v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v);
  if (labels.length === 1) {
    return plain(labels[0][1]);
  }
  const sorted = [...labels].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return `{${sorted.map(([k, v]) => `${k}=${v}`).join(', ')}}`;
}

/**
 * Tempo's `query_frontend.metrics.max_duration` default: a longer range is refused (Tempo docs, "Configure TraceQL
 * metrics": "The default maximum time range for a metrics query is 24 hours").
 */
export const METRICS_MAX_DURATION_MS = 24 * 3600_000;

export interface MetricsTarget {
  refId: string;
  query?: string;
  metricsQueryType?: 'instant' | 'range';
  step?: string;
}

/** Evaluates one TraceQL metrics target over the store. */
export function runTraceqlMetricsTarget(
  store: TelemetryStore,
  t: MetricsTarget,
  fromMs: number,
  toMs: number,
  empty: boolean,
  nowMs = Date.now()
): DataFrame[] {
  const p = plan(t.query ?? '');
  if (toMs - fromMs > METRICS_MAX_DURATION_MS) {
    throw new QuerySyntaxError(
      `metrics query time range exceeds the maximum allowed duration of ${METRICS_MAX_DURATION_MS / 3600_000}h`,
      0
    );
  }
  const spanset = compileTraceQL(p.spanset);
  const instant = t.metricsQueryType === 'instant';
  const stepMs = instant ? toMs - fromMs : defaultStepMs(fromMs, toMs);
  const start = instant ? fromMs : Math.floor(fromMs / stepMs) * stepMs;
  const series = new Map<string, Series>();
  if (!empty) {
    for (const [, trace] of store.allTraces()) {
      for (const span of spanset.evaluate(trace)) {
        if (span.startMs < fromMs || span.startMs > toMs) {
          continue;
        }
        const labels: Array<[string, string]> = p.by.map((f, i) => [p.byText[i], labelValue(f, span, trace)]);
        const key = JSON.stringify(labels);
        let s = series.get(key);
        if (!s) {
          s = { labels, intervals: new Map() };
          series.set(key, s);
        }
        const interval = instant ? 0 : Math.floor((span.startMs - start) / stepMs);
        const list = s.intervals.get(interval) ?? [];
        list.push(p.fn === 'quantile_over_time' ? log2Bucket(span.durationMs * 1e6) : 1);
        s.intervals.set(interval, list);
      }
    }
  }
  const out: Array<{ labels: Array<[string, string]>; points: Array<[number, number]> }> = [];
  for (const s of series.values()) {
    const intervals = Array.from(s.intervals.keys()).sort((a, b) => a - b);
    const at = (i: number) => (instant ? nowMs : start + (i + 1) * stepMs);
    if (p.fn === 'count_over_time') {
      out.push({ labels: s.labels, points: intervals.map((i) => [at(i), s.intervals.get(i)!.length]) });
    } else {
      for (const q of p.quantiles) {
        out.push({
          labels: [...s.labels, ['p', String(q)]],
          points: intervals.map((i) => [at(i), log2Quantile(q, s.intervals.get(i)!)]),
        });
      }
    }
  }
  return out.map(({ labels, points }) => {
    const name = seriesName(labels);
    const labelRecord = Object.fromEntries(labels);
    return createDataFrame({
      refId: name,
      name,
      meta: instant
        ? { preferredVisualisationType: 'table' }
        : { preferredVisualisationType: 'graph', type: 'timeseries-multi' as never },
      fields: [
        { name: 'time', type: FieldType.time, values: points.map((pt) => pt[0]) },
        {
          name: instant ? 'value' : name,
          type: FieldType.number,
          values: points.map((pt) => pt[1]),
          labels: labelRecord,
          config: { displayName: name },
        },
      ],
    });
  });
}
