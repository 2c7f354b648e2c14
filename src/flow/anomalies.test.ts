import { ERROR_TASK, errorTaskFrames } from './fixtures/errorTask';
import { guideTaskFrames } from './fixtures/guideTask';
import { badNumberFrames, cycleFrames, duplicateFrames, orphanFrames } from './fixtures/malformedFrames';
import { RETRY, retryTaskFrames, scatteredRetrySpans } from './fixtures/retryTask';
import { SpanSpec, T0, framesByTrace } from './fixtures/traceFrames';
import { buildTaskFlow } from './index';
import { Anomaly, AnomalyKind, TaskFlow } from './types';

const ofKind = (flow: TaskFlow, kind: AnomalyKind): Anomaly[] => flow.anomalies.filter((a) => a.kind === kind);

describe('anomalies', () => {
  it('orphan_span: a missing parent, or a parent in another trace; the span becomes a root', () => {
    const flow = buildTaskFlow(orphanFrames());
    const orphans = ofKind(flow, 'orphan_span');
    expect(orphans.map((a) => a.spanIds)).toEqual([['lost'], ['elsewhere']]);
    expect(orphans[0].message).toBe(
      'The parent gone of span "handler_execution" (lost) is not in the data; the span is shown at the top level.'
    );
    expect(flow.roots).toEqual(['root', 'elsewhere', 'lost']);
  });

  it('duplicate_span_id: keeps the first copy and says how many there were', () => {
    const flow = buildTaskFlow(duplicateFrames());
    expect(ofKind(flow, 'duplicate_span_id')).toEqual([
      {
        kind: 'duplicate_span_id',
        spanIds: ['dup1'],
        message: 'Span id dup1 appears 3 times in the data; only the first copy is shown.',
      },
    ]);
    expect(flow.spanCount).toBe(1);
    expect(flow.span('dup1')?.name).toBe('finalize_task');
  });

  it('cycle: cuts a loop at its earliest span and a self-parent at itself', () => {
    const flow = buildTaskFlow(cycleFrames());
    const cycles = ofKind(flow, 'cycle');
    expect(cycles).toHaveLength(2);
    expect(new Set(cycles[0].spanIds)).toEqual(new Set(['A', 'B']));
    expect(cycles[0].message).toMatch(
      /2 spans name each other as parents in a loop; the loop was cut at span "execute_step" \(A\)/
    );
    expect(cycles[1]).toMatchObject({ spanIds: ['D'] });
    expect(cycles[1].message).toMatch(/names itself as its parent/);
    expect(flow.roots).toEqual(['C', 'A', 'D']);
    expect(flow.childrenOf('A')).toEqual(['B']);
    expect(flow.spanCount).toBe(4);
    expect(flow.preorder).toHaveLength(4);
  });

  it('negative_duration: negative, infinite or missing durations become 0 ms', () => {
    const flow = buildTaskFlow(badNumberFrames());
    const negative = ofKind(flow, 'negative_duration');
    expect(negative.map((a) => a.spanIds[0]).sort()).toEqual(['inf-duration', 'negative', 'nulls']);
    expect(negative.find((a) => a.spanIds[0] === 'negative')?.message).toBe(
      'span "c" (negative) has a negative duration (-4 ms); it is shown as 0 ms long.'
    );
    expect(flow.durationAt(flow.indexOf('negative'))).toBe(0);
  });

  it("clock_skew: a child outside its parent's window, and a span without a valid start", () => {
    const spans: SpanSpec[] = [
      { traceId: 't', spanId: 'p', name: 'finalize_task', start: T0 + 10, duration: 10 },
      { traceId: 't', spanId: 'early', parentSpanId: 'p', name: 'a', start: T0 + 5, duration: 2 },
      { traceId: 't', spanId: 'late', parentSpanId: 'p', name: 'b', start: T0 + 15, duration: 10 },
      // Within the 1 µs tolerance: not skewed.
      { traceId: 't', spanId: 'ok', parentSpanId: 'p', name: 'c', start: T0 + 10 - 0.0005, duration: 1 },
    ];
    const flow = buildTaskFlow(framesByTrace(spans));
    const skew = ofKind(flow, 'clock_skew');
    expect(skew.map((a) => a.spanIds)).toEqual([
      ['early', 'p'],
      ['late', 'p'],
    ]);
    expect(skew[0].message).toBe(
      'span "a" (early) starts 5 ms before its parent span "finalize_task" (p): the clocks of the services may disagree.'
    );
    expect(skew[1].message).toMatch(/ends 5 ms after its parent/);

    const bad = buildTaskFlow(badNumberFrames());
    const noStart = ofKind(bad, 'clock_skew').find((a) => a.spanIds[0] === 'nan-start');
    expect(noStart?.message).toBe('span "a" (nan-start) has no valid start time; it is drawn at its parent\'s start.');
    expect(bad.startAt(bad.indexOf('nan-start'))).toBe(T0);
  });

  it('error_span: one per failed span (status 2 or error tag), the earliest leaf failure marked as root cause', () => {
    const flow = buildTaskFlow(errorTaskFrames());
    const errors = ofKind(flow, 'error_span');
    expect(errors.map((a) => [a.spanIds[0], a.rootCause === true])).toEqual([
      [ERROR_TASK.handler, true],
      [ERROR_TASK.execute, false],
      [ERROR_TASK.result, false],
    ]);
    expect(errors[0].message).toBe(
      'span "handler_execution" (x000000000000004) failed (PaymentDeclined: card expired). This is the earliest failure, the likely root cause.'
    );
    expect(flow.status).toBe('error');
    expect(flow.errorAt(flow.indexOf(ERROR_TASK.execute))).toBe(true);
    expect(flow.steps[0].failed).toBe(true);
  });

  it('retry: a step executed three times in one trace', () => {
    const flow = buildTaskFlow(retryTaskFrames());
    expect(flow.steps[0].attempts).toBe(3);
    // Queue wait before the first execution (20) from the first enqueue (ends 10).
    expect(flow.steps[0].queueWaitMs).toBe(10);
    expect(flow.steps[0].executionMs).toBe(10 + 10 + 40);
    expect(ofKind(flow, 'retry')).toEqual([
      {
        kind: 'retry',
        spanIds: ['r000000000000003', 'r000000000000006', 'r000000000000009'],
        message: 'Step linear_step_2 ran 3 times (2 retries).',
      },
    ]);
  });

  it('retry: tasker-core shape, two traces per attempt, counts two attempts not four', () => {
    const flow = buildTaskFlow(framesByTrace(scatteredRetrySpans()));
    expect(flow.steps).toHaveLength(1);
    expect(flow.steps[0]).toMatchObject({ stepUuid: RETRY.stepUuid, attempts: 2 });
    expect(ofKind(flow, 'retry')[0].message).toBe('Step linear_step_2 ran 2 times (1 retry).');
  });

  it('missing_finalization: no finalization span; status stays unset', () => {
    const spans: SpanSpec[] = [{ traceId: 't', spanId: 'a', name: 'enqueue_ready_steps', start: T0, duration: 1 }];
    const flow = buildTaskFlow(framesByTrace(spans));
    expect(ofKind(flow, 'missing_finalization')).toHaveLength(1);
    expect(ofKind(flow, 'missing_finalization')[0].message).toMatch(/task has not finished yet/);
    expect(flow.status).toBe('unset');
    expect(ofKind(buildTaskFlow(guideTaskFrames()), 'missing_finalization')).toEqual([]);
  });

  it('truncated: when the caller says so, and when maxSpans drops spans', () => {
    const told = buildTaskFlow(guideTaskFrames(), { truncated: true });
    expect(ofKind(told, 'truncated')).toEqual([
      {
        kind: 'truncated',
        spanIds: [],
        message: 'The task has more spans than were fetched: what is shown is incomplete.',
      },
    ]);
    expect(told.anomalies[0].kind).toBe('truncated');

    const limited = buildTaskFlow(guideTaskFrames(), { maxSpans: 4 });
    expect(limited.spanCount).toBe(4);
    expect(ofKind(limited, 'truncated')[0].message).toBe(
      'Only the first 4 of 11 spans are shown: the task is larger than the span limit.'
    );
    expect(ofKind(buildTaskFlow(guideTaskFrames(), { maxSpans: 11 }), 'truncated')).toEqual([]);
  });

  it('folds floods of one kind into a summary', () => {
    const spans: SpanSpec[] = [{ traceId: 't', spanId: 'root', name: 'finalize_task', start: T0, duration: 1 }];
    for (let k = 0; k < 250; k++) {
      spans.push({ traceId: 't', spanId: `o${k}`, parentSpanId: `gone${k}`, name: 'x', start: T0, duration: 1 });
    }
    const orphans = ofKind(buildTaskFlow(framesByTrace(spans)), 'orphan_span');
    expect(orphans).toHaveLength(201);
    expect(orphans[200].message).toBe('50 more spans have the same problem (orphan span).');
    expect(orphans[200].spanIds).toHaveLength(50);
  });
});
