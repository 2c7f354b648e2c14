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

  it.each(METRICS)('%s has balanced brackets with every grouping', (metric) => {
    for (const groupBy of GROUPS) {
      const q = buildPromqlMetric(metric, { groupBy });
      for (const [open, close] of [
        ['(', ')'],
        ['{', '}'],
        ['[', ']'],
      ]) {
        expect(q.split(open).length).toBe(q.split(close).length);
      }
    }
  });
});
