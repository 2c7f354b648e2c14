import { parser as promqlParser } from '@prometheus-io/lezer-promql';
import { traceqlSyntaxIssues } from './grammar';
import { buildPromqlMetric, buildTraceqlMetric, type MetricGroupBy, type TaskMetric } from './metrics';

const METRICS: TaskMetric[] = ['rate', 'errorRate', 'p95'];
const GROUPS: MetricGroupBy[] = ['none', 'namespace', 'service', 'spanName'];
const ALL = '{resource.service.name =~ "^tasker-.+$"}';

describe('TraceQL metrics', () => {
  it('rate, error rate and p95 over every Tasker span', () => {
    expect(buildTraceqlMetric('rate')).toBe(`${ALL} | rate()`);
    expect(buildTraceqlMetric('errorRate')).toBe('{resource.service.name =~ "^tasker-.+$" && status = error} | rate()');
    expect(buildTraceqlMetric('p95')).toBe(`${ALL} | quantile_over_time(duration, 0.95)`);
  });

  it('splits per namespace with the configured attribute', () => {
    expect(buildTraceqlMetric('rate', { groupBy: 'namespace' })).toBe(`${ALL} | rate() by (.namespace)`);
    expect(
      buildTraceqlMetric('p95', {
        groupBy: 'namespace',
        settings: { attributes: { namespace: { scope: 'span', key: 'namespace' } } } as never,
      })
    ).toBe(`${ALL} | quantile_over_time(duration, 0.95) by (span.namespace)`);
  });

  it('narrows with a filter, escaped like any other query', () => {
    expect(buildTraceqlMetric('errorRate', { filter: { namespace: ['pay"ments'] } })).toBe(
      '{resource.service.name =~ "^tasker-.+$" && .namespace = "pay\\"ments" && status = error} | rate()'
    );
  });

  it.each(METRICS)('%s parses with every grouping', (metric) => {
    for (const groupBy of GROUPS) {
      expect(traceqlSyntaxIssues(buildTraceqlMetric(metric, { groupBy, filter: { namespace: ['a', 'b'] } }))).toEqual(
        []
      );
    }
  });
});

describe('PromQL over span metrics', () => {
  it('rate, error ratio and p95', () => {
    const sel = 'service=~"^tasker-.+$"';
    expect(buildPromqlMetric('rate')).toBe(`sum(rate(traces_spanmetrics_calls_total{${sel}}[$__rate_interval]))`);
    expect(buildPromqlMetric('errorRate')).toBe(
      `sum(rate(traces_spanmetrics_calls_total{${sel}, status_code="STATUS_CODE_ERROR"}[$__rate_interval]))` +
        ` / sum(rate(traces_spanmetrics_calls_total{${sel}}[$__rate_interval]))`
    );
    expect(buildPromqlMetric('p95', { groupBy: 'namespace' })).toBe(
      `histogram_quantile(0.95, sum by (namespace, le) (rate(traces_spanmetrics_latency_bucket{${sel}}[$__rate_interval])))`
    );
  });

  it('selects exact services and a fixed interval', () => {
    expect(
      buildPromqlMetric('rate', { services: ['tasker-orchestration', 'a.b'], rateInterval: '5m', groupBy: 'service' })
    ).toBe(
      'sum by (service) (rate(traces_spanmetrics_calls_total{service=~"^(?:tasker-orchestration|a\\\\.b)$"}[5m]))'
    );
  });

  it('rejects an interval or label it cannot write', () => {
    expect(() => buildPromqlMetric('rate', { rateInterval: '5m]) or vector(1' })).toThrow(/rateInterval/);
    expect(() => buildPromqlMetric('rate', { groupBy: 'namespace', namespaceLabel: 'a-b' })).toThrow(/namespaceLabel/);
  });

  it.each(METRICS)('%s parses as PromQL with every grouping, over the span metrics, grouped as asked', (metric) => {
    const labelOf: Record<MetricGroupBy, string | undefined> = {
      none: undefined,
      namespace: 'namespace',
      service: 'service',
      spanName: 'span_name',
    };
    for (const groupBy of GROUPS) {
      const q = buildPromqlMetric(metric, { groupBy, services: ['tasker-orchestration', 'a.b'] });
      const parsed = parsePromql(q);
      expect({ query: q, errors: parsed.errors }).toEqual({ query: q, errors: [] });
      expect(parsed.metrics.size).toBe(1);
      expect([...parsed.metrics][0]).toMatch(/^traces_spanmetrics_(calls_total|latency_bucket)$/);
      expect(parsed.matchers).toContain('service=~"^(?:tasker-orchestration|a\\\\.b)$"');
      const label = labelOf[groupBy];
      for (const grouping of parsed.groupings) {
        expect(grouping).toEqual([...(label ? [label] : []), ...(metric === 'p95' ? ['le'] : [])]);
      }
      if (label || metric === 'p95') {
        expect(parsed.groupings.length).toBeGreaterThan(0);
      } else {
        expect(parsed.groupings).toEqual([]);
      }
    }
  });

  it('the parser used here does find a broken query', () => {
    expect(parsePromql('sum(rate(traces_spanmetrics_calls_total{service="a"}[5m])').errors).not.toEqual([]);
  });
});

/**
 * Parses a query with Prometheus' own grammar (@prometheus-io/lezer-promql), after replacing Grafana's
 * $__rate_interval as Grafana does before sending it: syntax errors, metric names, label matchers, `by` labels.
 */
function parsePromql(query: string) {
  const text = query.replace(/\$__rate_interval/g, '1m');
  const errors: number[] = [];
  const metrics = new Set<string>();
  const matchers: string[] = [];
  const groupings: string[][] = [];
  promqlParser.parse(text).iterate({
    enter: (node) => {
      if (node.type.isError) {
        errors.push(node.from);
      } else if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') {
        metrics.add(text.slice(node.from, node.to));
      } else if (node.name === 'UnquotedLabelMatcher') {
        matchers.push(text.slice(node.from, node.to));
      } else if (node.name === 'GroupingLabels') {
        groupings.push(node.node.getChildren('LabelName').map((n) => text.slice(n.from, n.to)));
      }
    },
  });
  return { errors, metrics, matchers, groupings };
}
