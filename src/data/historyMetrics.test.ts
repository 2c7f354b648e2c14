import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';
import { labelText, stepHistoryFromFrames } from './historyMetrics';

/** An instant-query series frame as Grafana 13.1's Tempo backend builds it (TransformInstantMetricsResponse). */
function series(labels: Record<string, string>, value: number): DataFrame {
  return createDataFrame({
    fields: [
      { name: 'time', type: FieldType.time, values: [Date.now()] },
      { name: 'value', type: FieldType.number, values: [value], labels },
    ],
  });
}

describe('TraceQL metrics history frames', () => {
  it('reads p50/p95 in seconds and ok/failed counts per step name', () => {
    const quantiles = [
      series({ p: '0.5', 'span.step_name': '"linear_step_1"' }, 0.102),
      series({ p: '0.95', 'span.step_name': '"linear_step_1"' }, 0.5),
      series({ p: '0.5', 'span.step_name': '"only_quantiles"' }, 1),
      series({ p: '0.95', 'span.step_name': '"only_quantiles"' }, 2),
    ];
    const counts = [
      series({ 'span.step_name': '"linear_step_1"', status: 'unset' }, 20),
      series({ 'span.step_name': '"linear_step_1"', status: 'ok' }, 4),
      series({ 'span.step_name': '"linear_step_1"', status: 'error' }, 3),
    ];
    const steps = stepHistoryFromFrames(quantiles, counts);
    expect(steps.get('linear_step_1')).toEqual({ p50: 102, p95: 500, runs: 24, failedRuns: 3, source: 'metrics' });
    // Without a count there is no run count to stand behind: left out.
    expect(steps.has('only_quantiles')).toBe(false);
  });

  it('ignores frames that are not series, and odd values', () => {
    const junk = [
      createDataFrame({ fields: [{ name: 'x', type: FieldType.string, values: ['a'] }] }),
      series({ p: 'NaN', 'span.step_name': '"a"' }, 1),
      series({ p: '0.5', 'span.step_name': '"a"' }, NaN),
    ];
    expect(stepHistoryFromFrames(junk, junk).size).toBe(0);
    expect(stepHistoryFromFrames(null as never, undefined as never).size).toBe(0);
  });

  it('takes label values out of the quotes Grafana puts around strings, and only those', () => {
    expect(labelText('"a "quoted" name"')).toBe('a "quoted" name');
    expect(labelText('0.95')).toBe('0.95');
    expect(labelText('"')).toBe('"');
  });
});
