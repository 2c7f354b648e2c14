import { buildStepHistoryCountTraceQL, buildStepHistoryQuantilesTraceQL } from '../../../src/query/traceqlMetrics';
import { stepHistoryFromFrames } from '../../../src/data/historyMetrics';
import type { StoredSpan } from '../data/model';
import { TelemetryStore } from '../data/store';
import { defaultStepMs, log2Quantile, runTraceqlMetricsTarget } from './traceqlMetrics';
import { QuerySyntaxError } from './syntax';

const T0 = 1_764_000_000_000;

function span(
  i: number,
  stepName: string,
  durationMs: number,
  statusCode: 0 | 2 = 0,
  name = 'execute_step'
): StoredSpan {
  return {
    traceId: `t${i}`.padStart(32, '0'),
    spanId: `s${i}`.padStart(16, '0'),
    parentSpanId: '',
    name,
    kind: 'internal',
    statusCode,
    statusMessage: '',
    startMs: T0 + i * 1000,
    durationMs,
    attrs: { namespace: 'ns', step_name: stepName },
    resource: { 'service.name': 'tasker-worker' },
    events: [],
    scopeName: 'tasker-core',
  };
}

function store(spans: StoredSpan[]): TelemetryStore {
  const s = new TelemetryStore();
  s.add({ spans, logs: [], tasks: [] });
  return s;
}

const q = { namespace: 'ns', spanNames: ['execute_step'] };

describe('TraceQL metrics stand-in', () => {
  it('answers the app’s history queries in the instant frame shape, quantiles in seconds on log2 buckets', () => {
    const spans = [
      ...Array.from({ length: 20 }, (_, i) => span(i, 'a', 100)),
      span(20, 'a', 5000, 2),
      span(21, 'b', 1000),
      span(22, 'a', 100, 0, 'handler_execution'),
    ];
    const s = store(spans);
    const quantiles = runTraceqlMetricsTarget(
      s,
      { refId: 'A', query: buildStepHistoryQuantilesTraceQL(q), metricsQueryType: 'instant' },
      T0 - 1,
      T0 + 60_000,
      false,
      T0 + 60_000
    );
    const a50 = quantiles.find((f) => f.name === '{p=0.5, span.step_name="a"}')!;
    expect(a50.fields.map((f) => f.name)).toEqual(['time', 'value']);
    expect(a50.fields[1].labels).toEqual({ 'span.step_name': '"a"', p: '0.5' });
    expect(a50.meta?.preferredVisualisationType).toBe('table');
    // 100 ms = 1e8 ns falls in the (2^26, 2^27] ns bucket; half of one bucket interpolates to 2^26.5 ns (94.9 ms).
    // Tempo is as coarse.
    expect(a50.fields[1].values[0]).toBeCloseTo(2 ** 26.5 / 1e9, 9);
    const counts = runTraceqlMetricsTarget(
      s,
      { refId: 'A', query: buildStepHistoryCountTraceQL(q), metricsQueryType: 'instant' },
      T0 - 1,
      T0 + 60_000,
      false
    );
    const history = stepHistoryFromFrames(quantiles, counts);
    expect(history.get('a')).toMatchObject({ runs: 20, failedRuns: 1, source: 'metrics' });
    expect(history.get('b')).toMatchObject({ runs: 1, failedRuns: 0 });
    expect(history.get('a')!.p50).toBeCloseTo(94.9, 1);
  });

  it('range queries give one point per step with data, at the end of its interval', () => {
    const s = store([span(0, 'a', 10), span(1, 'a', 10), span(400, 'a', 10)]);
    const frames = runTraceqlMetricsTarget(
      s,
      { refId: 'A', query: '{.namespace = "ns"} | count_over_time() by (span.step_name)' },
      T0,
      T0 + 3600_000,
      false
    );
    expect(frames).toHaveLength(1);
    expect(frames[0].name).toBe('a');
    expect(frames[0].meta?.type).toBe('timeseries-multi');
    expect(frames[0].fields[1].values).toEqual([2, 1]);
    expect(defaultStepMs(T0, T0 + 3600_000)).toBe(15_000);
  });

  it('rejects what it does not evaluate, and what the grammar rejects, as Tempo would', () => {
    const s = store([]);
    const run = (query: string) => runTraceqlMetricsTarget(s, { refId: 'A', query }, T0, T0 + 1, false);
    expect(() => run('{} | rate()')).toThrow(QuerySyntaxError);
    expect(() => run('{} | quantile_over_time(span.x, 0.5)')).toThrow(/only duration/);
    expect(() => run('{.a = } | count_over_time()')).toThrow(/parse error/);
  });

  it('refuses a range longer than Tempo’s default query_frontend.metrics.max_duration (24 h)', () => {
    const s = store([span(0, 'a', 10)]);
    const query = '{.namespace = "ns"} | count_over_time()';
    expect(() => runTraceqlMetricsTarget(s, { refId: 'A', query }, T0, T0 + 24 * 3600_000 + 1, false)).toThrow(
      /exceeds the maximum allowed duration of 24h/
    );
    expect(runTraceqlMetricsTarget(s, { refId: 'A', query }, T0, T0 + 24 * 3600_000, false)).toHaveLength(1);
  });

  it('log2 quantiles interpolate inside a bucket like Tempo', () => {
    expect(log2Quantile(0.5, [1, 1, 2, 2])).toBe(1);
    expect(log2Quantile(1, [1, 2, 4])).toBe(4);
    expect(log2Quantile(0.5, [])).toBe(0);
  });
});
