import { buildTaskFlow } from '../flow';
import { guideTaskFrames, guideTaskSpans, GUIDE } from '../flow/fixtures/guideTask';
import { framesByTrace } from '../flow/fixtures/traceFrames';
import { scatteredTaskFrames } from '../flow/fixtures/scatteredTask';
import { compareWithHistory, formatRatio, MIN_HISTORY_RUNS } from './compare';
import { historyFromRuns } from './fromRuns';
import { runFigures, stepExecutionSpanNames } from './runFigures';
import type { TaskHistory } from './types';

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

/** The guide's task with its one step's execution (execute_step and its handler) stretched by `factor`. */
function guideFlow(factor = 1) {
  const spans = guideTaskSpans().map((s) => {
    if (s.spanId === GUIDE.ids.execute || s.spanId === GUIDE.ids.handler) {
      return { ...s, duration: s.duration * factor };
    }
    return s;
  });
  return buildTaskFlow(framesByTrace(spans));
}

/** History as a sample of `runs` ordinary runs of the guide's task (durations spread ±20%). */
function history(runs: number, failed = 0): TaskHistory {
  const figures = [];
  for (let i = 0; i < runs; i++) {
    figures.push(runFigures(guideFlow(0.8 + (0.4 * i) / Math.max(1, runs - 1))));
  }
  for (let i = 0; i < failed; i++) {
    figures.push({ ...runFigures(guideFlow(30)), failed: true });
  }
  return historyFromRuns(figures, { namespace: GUIDE.namespace, taskName: 'order_processing', lookbackDays: 7 });
}

describe('compareWithHistory', () => {
  it('calls a step that took ten times its usual time slower than usual, in plain words', () => {
    const slow = guideFlow(10);
    const result = compareWithHistory(slow, history(24), { formatMs: fmt });
    expect(result.slowStepUuids).toEqual([GUIDE.stepUuid]);
    const step = result.anomalies.find((a) => a.message.startsWith('step reserve_inventory'));
    expect(step?.kind).toBe('slower_than_usual');
    expect(step?.spanIds[0]).toBe(GUIDE.ids.execute);
    expect(step!.message).toBe('step reserve_inventory: 500 ms, 10× its usual 50 ms (p50 of 24 runs, last 7 days)');
    // The execution phase holds the step's handler time, so it is slower too; the others are not.
    expect(result.slowPhases).toEqual(['execution']);
    expect(result.anomalies.map((a) => a.message.split(':')[0]).sort()).toEqual([
      'execution',
      'step reserve_inventory',
    ]);
  });

  it('says nothing about a typical run', () => {
    const result = compareWithHistory(guideFlow(1.1), history(24), { formatMs: fmt });
    expect(result.anomalies).toEqual([]);
    expect(result.slowPhases).toEqual([]);
    expect(result.figures.every((f) => f.enough && !f.slow)).toBe(true);
  });

  it('claims nothing below the minimum number of runs, and says there are too few', () => {
    const result = compareWithHistory(guideFlow(10), history(MIN_HISTORY_RUNS - 1), { formatMs: fmt });
    expect(result.anomalies).toEqual([]);
    expect(result.figures.every((f) => !f.enough && !f.slow)).toBe(true);
    expect(result.figures[0].history?.runs).toBe(MIN_HISTORY_RUNS - 1);
  });

  it('keeps failed runs apart: they neither raise the usual time nor count as runs', () => {
    const h = history(10, 5);
    expect(h.task?.runs).toBe(10);
    expect(h.task?.failedRuns).toBe(5);
    expect(h.steps.get('reserve_inventory')).toMatchObject({ runs: 10, failedRuns: 5, source: 'sample' });
    expect(compareWithHistory(guideFlow(10), h, { formatMs: fmt }).slowStepUuids).toEqual([GUIDE.stepUuid]);
  });

  it('beyond the p95 but under three times the p50 is a normal spread, not slow', () => {
    const h = history(24);
    const p95 = h.steps.get('reserve_inventory')!.p95;
    const result = compareWithHistory(guideFlow((p95 * 2) / 50), h, { formatMs: fmt });
    expect(result.figures.find((f) => f.kind === 'step')).toMatchObject({ enough: true, slow: false });
  });

  it('tasker-core steps without a step_name are not compared; the wall time and phases are', () => {
    const flow = buildTaskFlow(scatteredTaskFrames());
    const result = compareWithHistory(flow, history(24), { formatMs: fmt });
    const kinds = result.figures.map((f) => f.kind);
    expect(kinds).toContain('task');
    expect(kinds).toContain('phase');
    for (const f of result.figures.filter((x) => x.kind === 'step')) {
      expect(f.stepName).toBeTruthy();
    }
  });

  it('compares a run only with runs of the same telemetry shape', () => {
    const oneTrace = Array.from({ length: 10 }, () => runFigures(guideFlow(1)));
    const scattered = oneTrace.map((r) => ({ ...r, shape: 'scattered' as const }));
    const base = { namespace: GUIDE.namespace, lookbackDays: 7 };
    expect(historyFromRuns([...oneTrace, ...scattered], base, 'one-trace').task?.runs).toBe(10);
    expect(historyFromRuns(scattered, base, 'one-trace').task).toBeUndefined();
    expect(historyFromRuns([...oneTrace, ...scattered], base).task?.runs).toBe(20);
  });

  it('a step name that is a prototype key is just a name', () => {
    const h = history(24);
    expect(h.steps.get('__proto__')).toBeUndefined();
    const flow = guideFlow(10);
    // The flow's steps are a getter (summed up on first use): shadow it with a value.
    const renamed = Object.create(flow, {
      steps: { value: flow.steps.map((s) => ({ ...s, stepName: '__proto__' })) },
    });
    const result = compareWithHistory(renamed, h, { formatMs: fmt });
    expect(result.figures.find((f) => f.kind === 'step')).toMatchObject({ enough: false, slow: false });
  });
});

describe('figures of a run', () => {
  it('names the spans that measure step execution in the guide shape', () => {
    expect(stepExecutionSpanNames(buildTaskFlow(guideTaskFrames()))).toEqual(['execute_step']);
  });

  it('formats ratios like the issue asks', () => {
    expect(formatRatio(9.84)).toBe('9.8×');
    expect(formatRatio(12.4)).toBe('12×');
  });
});
