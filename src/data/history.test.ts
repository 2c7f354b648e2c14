import type { DataQueryRequest } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import { clearHistoryCache, fetchTaskHistory, type HistoryRequest } from './history';
import { fakeDatasource, installDatasources } from './testing/fakeGrafana';
import type { FixtureSpan } from './testing/frames';
import { spanId, traceId } from './testing/ids';
import { testSettings } from './testing/settings';
import { tempoHandler } from './testing/standIns';

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const corr = (n: number) => `c0000000-0000-4000-8000-${hex(n, 12)}`;
const task = (n: number) => `019ab6f9-0000-7000-8000-${hex(n, 12)}`;

/** One run of the task in the guide's shape (one trace): its step took `stepMs`; it failed when `failed`. */
function run(n: number, stepMs: number, failed = false): FixtureSpan[] {
  const start = NOW - (n + 1) * 3_600_000;
  const ids = { correlation_id: corr(n), task_uuid: task(n), namespace: 'reporting' };
  const root = spanId(n * 10 + 1);
  return [
    {
      traceId: traceId(n),
      spanId: root,
      name: 'create_and_enqueue_task_from_request',
      startMs: start,
      durationMs: stepMs + 100,
      attrs: { ...ids, task_name: 'monthly_report' },
    },
    {
      traceId: traceId(n),
      spanId: spanId(n * 10 + 2),
      parentSpanId: root,
      name: 'execute_step',
      startMs: start + 20,
      durationMs: stepMs,
      service: 'tasker-worker',
      status: failed ? 'error' : 'unset',
      attrs: { ...ids, step_uuid: `019ab6f9-1111-7000-8000-${hex(n, 12)}`, step_name: 'render' },
    },
    {
      traceId: traceId(n),
      spanId: spanId(n * 10 + 3),
      parentSpanId: root,
      name: 'finalize_task',
      startMs: start + stepMs + 40,
      durationMs: 30,
      attrs: ids,
    },
  ];
}

const spans = [...Array.from({ length: 8 }, (_, i) => run(i + 1, 200 + i * 10)), ...run(9, 5000, true)].flat();
const request: HistoryRequest = {
  namespace: 'reporting',
  taskName: 'monthly_report',
  stepSpanNames: ['execute_step'],
  excludeIds: [corr(1), task(1)],
  taskUuid: task(1),
  shape: 'one-trace',
};

const isMetrics = (r: DataQueryRequest<DataQuery>) =>
  r.targets.some((t) => /\| (quantile|count)_over_time/.test((t as { query?: string }).query ?? ''));

describe('fetchTaskHistory', () => {
  beforeEach(() => clearHistoryCache());

  it('takes step times from TraceQL metrics and the rest from recent runs, without the task itself or failed runs', async () => {
    const tempo = fakeDatasource({ uid: 'tempo', type: 'tempo' }, tempoHandler(spans));
    installDatasources([tempo]);
    const h = await fetchTaskHistory(request, testSettings(), { nowMs: NOW });
    const metrics = tempo.requests.filter(isMetrics);
    expect(metrics.every((r) => (r.targets[0] as { metricsQueryType?: string }).metricsQueryType === 'instant')).toBe(
      true
    );
    // The look-back (7 days) first; Tempo (like the stand-in) refuses metrics over more than 24 h by default, so the
    // last 24 hours are asked next, and the figures say so.
    expect(metrics.map((r) => r.range.to.valueOf() - r.range.from.valueOf())).toEqual([
      7 * 24 * 3_600_000,
      7 * 24 * 3_600_000,
      24 * 3_600_000,
      24 * 3_600_000,
    ]);
    // Metrics over every run but this task's own: 7 successful, 1 failed.
    expect(h.steps.get('render')).toMatchObject({ source: 'metrics', runs: 7, failedRuns: 1, windowHours: 24 });
    // The sample: 8 successful runs and 1 failed; run 1 is the task on screen.
    expect(h.task).toMatchObject({ source: 'sample', runs: 7, failedRuns: 1 });
    expect(h.phases.execution?.runs).toBe(7);
    expect(h.notes).toEqual([
      'Tempo refused TraceQL metrics over 7 days (its query_frontend.metrics.max_duration): step times from metrics cover the last 24 hours.',
    ]);
  });

  it('asks for the whole look-back when it fits in what Tempo serves', async () => {
    const tempo = fakeDatasource({ uid: 'tempo', type: 'tempo' }, tempoHandler(spans));
    installDatasources([tempo]);
    const h = await fetchTaskHistory(request, testSettings({ historyLookbackDays: 1 }), { nowMs: NOW });
    expect(tempo.requests.filter(isMetrics)).toHaveLength(2);
    expect(h.steps.get('render')).toMatchObject({ source: 'metrics', runs: 7 });
    expect(h.steps.get('render')?.windowHours).toBeUndefined();
  });

  it('says so and uses the recent runs for steps when Tempo does not serve TraceQL metrics', async () => {
    const standIn = tempoHandler(spans);
    const tempo = fakeDatasource({ uid: 'tempo', type: 'tempo' }, (r) =>
      isMetrics(r)
        ? { data: [], error: { message: 'failed to execute TraceQL query: … Status: 404 Not Found' } }
        : standIn(r)
    );
    installDatasources([tempo]);
    const h = await fetchTaskHistory(request, testSettings(), { nowMs: NOW });
    expect(h.steps.get('render')).toMatchObject({ source: 'sample', runs: 7, failedRuns: 1 });
    expect(h.notes.join(' ')).toMatch(/TraceQL metrics unavailable, step times come from recent runs/);
  });

  it('asks Tempo once per namespace, task name and look-back while fresh', async () => {
    const tempo = fakeDatasource({ uid: 'tempo', type: 'tempo' }, tempoHandler(spans));
    installDatasources([tempo]);
    await fetchTaskHistory(request, testSettings(), { nowMs: NOW });
    const asked = tempo.requests.length;
    const other = await fetchTaskHistory({ ...request, excludeIds: [corr(2)], taskUuid: undefined }, testSettings(), {
      nowMs: NOW + 1000,
    });
    // The sample is shared; only the small metrics queries are per task (7 days refused, then 24 hours).
    expect(tempo.requests.filter((r) => !isMetrics(r)).length).toBe(asked - 4);
    expect(tempo.requests.length).toBe(asked + 4);
    // Another task of the same name leaves out itself; the shared sample never read the first task (it was on
    // screen), so both are missing: one run fewer, not a second read of every run.
    expect(other.task?.runs).toBe(6);
    await fetchTaskHistory(request, testSettings({ historyLookbackDays: 3 }), { nowMs: NOW + 2000 });
    expect(tempo.requests.length).toBeGreaterThan(asked);
  });
});
