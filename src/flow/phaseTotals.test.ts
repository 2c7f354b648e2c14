import fc from 'fast-check';

import { SpanSpec, T0, framesByTrace, rawFrame } from './fixtures/traceFrames';
import { buildTaskFlow } from './index';

const span = (spanId: string, parentSpanId: string, name: string, from: number, to: number): SpanSpec => ({
  traceId: 't',
  spanId,
  parentSpanId,
  name,
  start: T0 + from,
  duration: to - from,
});

describe('phaseTotals (self time)', () => {
  it('does not count nested time twice', () => {
    const flow = buildTaskFlow(
      framesByTrace([span('a', '', 'execute_step', 0, 100), span('b', 'a', 'handle_step_execution_result', 20, 50)])
    );
    expect(flow.phaseTotals.execution).toBe(70);
    expect(flow.phaseTotals.result_processing).toBe(30);
  });

  it('gives overlapping siblings to the most recently started one, never more than the wall time', () => {
    const flow = buildTaskFlow(
      framesByTrace([
        span('r', '', 'finalize_task', 0, 100),
        span('x', 'r', 'execute_step', 10, 60),
        span('y', 'r', 'enqueue_ready_steps', 30, 80),
      ])
    );
    expect(flow.phaseTotals).toEqual({
      initialization: 0,
      enqueueing: 50,
      execution: 20,
      result_processing: 0,
      finalization: 30,
      other: 0,
    });
  });

  it('counts idle gaps between traces to no phase', () => {
    const flow = buildTaskFlow(
      framesByTrace([
        { ...span('a', '', 'execute_step', 0, 10), traceId: 't1' },
        { ...span('b', '', 'finalize_task', 90, 100), traceId: 't2' },
      ])
    );
    expect(flow.durationMs).toBe(100);
    expect(flow.phaseTotals.execution + flow.phaseTotals.finalization).toBe(20);
  });

  it('prefers the child when parent and child start together', () => {
    const flow = buildTaskFlow(
      framesByTrace([span('z-parent', '', 'finalize_task', 0, 10), span('a-child', 'z-parent', 'execute_step', 0, 4)])
    );
    expect(flow.phaseTotals.execution).toBe(4);
    expect(flow.phaseTotals.finalization).toBe(6);
  });

  it('never exceeds the wall time when huge times make the float sums round up (found by fast-check)', () => {
    const flow = buildTaskFlow([
      rawFrame({ operationName: [], startTime: [-238160897] }),
      rawFrame({ operationName: [], startTime: [1999896511], duration: [undefined, 760775029565920900] }),
    ]);
    const sum = Object.values(flow.phaseTotals).reduce((a, b) => a + b, 0);
    expect(sum).toBeLessThanOrEqual(flow.durationMs);
    expect(Math.min(...Object.values(flow.phaseTotals))).toBeGreaterThanOrEqual(0);
  });

  it('never exceeds the task duration and never goes negative (random trees)', () => {
    const names = [
      'execute_step',
      'enqueue_ready_steps',
      'finalize_task',
      'send_json_message',
      'handle_step_execution_result',
    ];
    const arbSpan = fc.record({
      parent: fc.nat(30),
      name: fc.constantFrom(...names),
      from: fc.double({ min: 0, max: 1000, noNaN: true }),
      length: fc.double({ min: 0, max: 500, noNaN: true }),
      trace: fc.nat(3),
    });
    fc.assert(
      fc.property(fc.array(arbSpan, { minLength: 1, maxLength: 40 }), (specs) => {
        const spans: SpanSpec[] = specs.map((s, i) => ({
          traceId: `t${s.trace}`,
          spanId: `s${i}`,
          parentSpanId: s.parent < i ? `s${s.parent}` : '',
          name: s.name,
          start: T0 + s.from,
          duration: s.length,
        }));
        const flow = buildTaskFlow(framesByTrace(spans));
        const totals = Object.values(flow.phaseTotals);
        const sum = totals.reduce((a, b) => a + b, 0);
        expect(totals.every((v) => v >= 0)).toBe(true);
        expect(sum).toBeLessThanOrEqual(flow.durationMs + 1e-6);
      })
    );
  });
});
