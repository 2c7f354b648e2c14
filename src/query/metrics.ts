// Metric queries for the dashboards and the app: TraceQL metrics (Tempo 2.4+ with local-blocks, Tempo 3 as is) and
// PromQL over the span metrics Tempo's metrics-generator writes to Prometheus.
import { goQuote } from './goString';
import { exactAlternativesRegex } from './regex';
import { resolveQuerySettings } from './settings';
import { buildTraceQL, traceqlAttribute } from './traceql';
import type { QuerySettings, TaskFilter } from './types';

export type TaskMetric = 'rate' | 'errorRate' | 'p95';
/** What a series is split by: nothing, the Tasker namespace, the service, or the span name. */
export type MetricGroupBy = 'none' | 'namespace' | 'service' | 'spanName';

export interface TraceqlMetricOptions {
  /** Narrows the spans counted (status is set by the metric itself for errorRate). */
  filter?: TaskFilter;
  groupBy?: MetricGroupBy;
  settings?: Partial<QuerySettings>;
}

/**
 * - rate: spans per second;
 * - errorRate: error spans per second (TraceQL metrics cannot divide; the PromQL form is a ratio);
 * - p95: 95th percentile of span duration.
 */
export function buildTraceqlMetric(metric: TaskMetric, options: TraceqlMetricOptions = {}): string {
  const filter: TaskFilter = { ...options.filter, ...(metric === 'errorRate' ? { status: 'error' as const } : {}) };
  const spans = buildTraceQL(filter, options.settings);
  const fn = metric === 'p95' ? 'quantile_over_time(duration, 0.95)' : 'rate()';
  const by = traceqlGroupBy(options.groupBy ?? 'none', options.settings);
  return `${spans} | ${fn}${by === undefined ? '' : ` by (${by})`}`;
}

function traceqlGroupBy(groupBy: MetricGroupBy, settings?: Partial<QuerySettings>): string | undefined {
  switch (groupBy) {
    case 'namespace':
      return traceqlAttribute('namespace', settings);
    case 'service':
      return 'resource.service.name';
    case 'spanName':
      return 'name';
    default:
      return undefined;
  }
}

export interface PromqlMetricOptions {
  groupBy?: MetricGroupBy;
  /** Only these services (exact names); default: every service that matches settings.serviceRegex. */
  services?: string[];
  /**
   * Label of the span-metrics dimension that holds the namespace; it exists only when the metrics-generator is
   * configured with `dimensions: [namespace]`. Default `namespace`.
   */
  namespaceLabel?: string;
  /** Range of rate(); dashboards use Grafana's `$__rate_interval`. */
  rateInterval?: string;
  settings?: Partial<QuerySettings>;
}

const PROM_LABEL = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RATE_INTERVAL = /^(\$__rate_interval|\$__interval|\d+(ms|s|m|h|d|w|y))$/;

/** PromQL over Tempo's span metrics (`traces_spanmetrics_*`, labels service, span_name, status_code). */
export function buildPromqlMetric(metric: TaskMetric, options: PromqlMetricOptions = {}): string {
  const settings = resolveQuerySettings(options.settings);
  const services = (options.services ?? []).filter((s) => s.trim() !== '');
  const serviceRegex = services.length > 0 ? exactAlternativesRegex(services) : settings.serviceRegex;
  const selector = `service=~${goQuote(serviceRegex) ?? '""'}`;
  const interval = options.rateInterval ?? '$__rate_interval';
  if (!RATE_INTERVAL.test(interval)) {
    throw new Error(
      `rateInterval: expected $__rate_interval, $__interval or a duration such as 5m, got ${JSON.stringify(interval)}`
    );
  }
  const namespaceLabel = options.namespaceLabel ?? 'namespace';
  if (!PROM_LABEL.test(namespaceLabel)) {
    throw new Error(`namespaceLabel: expected a Prometheus label name, got ${JSON.stringify(namespaceLabel)}`);
  }
  const groupLabel = { none: undefined, namespace: namespaceLabel, service: 'service', spanName: 'span_name' }[
    options.groupBy ?? 'none'
  ];
  const sum = (extra: string[] = []) => {
    const labels = [...(groupLabel ? [groupLabel] : []), ...extra];
    return labels.length > 0 ? `sum by (${labels.join(', ')}) ` : 'sum';
  };
  const calls = (more = '') => `rate(traces_spanmetrics_calls_total{${selector}${more}}[${interval}])`;
  switch (metric) {
    case 'rate':
      return `${sum()}(${calls()})`;
    case 'errorRate':
      return `${sum()}(${calls(', status_code="STATUS_CODE_ERROR"')}) / ${sum()}(${calls()})`;
    case 'p95':
      return `histogram_quantile(0.95, ${sum(['le'])}(rate(traces_spanmetrics_latency_bucket{${selector}}[${interval}])))`;
  }
}
