import { SpanSpec, T0, framesByTrace } from './fixtures/traceFrames';
import { buildTaskFlow } from './index';

const span = (spanId: string, parentSpanId: string, from: number, to: number, traceId = 't'): SpanSpec => ({
  traceId,
  spanId,
  parentSpanId,
  name: spanId,
  start: T0 + from,
  duration: to - from,
});

describe('critical path', () => {
  it('follows the last-finishing child, then walks back in time from its start', () => {
    //  root 0–100: a 0–30, b 10–50 (parallel with a), c 60–90; a's end (30) is after b's start (10), so after b
    //  the walk continues before b: a is not critical.
    const flow = buildTaskFlow(
      framesByTrace([
        span('root', '', 0, 100),
        span('a', 'root', 0, 30),
        span('b', 'root', 10, 50),
        span('c', 'root', 60, 90),
      ])
    );
    expect(flow.criticalPath).toEqual(['root', 'b', 'c']);
    expect(flow.isOnCriticalPath('a')).toBe(false);
    expect(flow.onCriticalPathAt(flow.indexOf('c'))).toBe(true);
  });

  it('descends through nested spans and clips a child that overruns its parent', () => {
    const flow = buildTaskFlow(
      framesByTrace([span('root', '', 0, 100), span('mid', 'root', 20, 80), span('leaf', 'mid', 30, 95)])
    );
    expect(flow.criticalPath).toEqual(['root', 'mid', 'leaf']);
  });

  it('crosses stitched traces: the chain of trace roots that ends the task', () => {
    const flow = buildTaskFlow(
      framesByTrace([
        span('t1', '', 0, 10, 'trace-1'),
        span('t2', '', 5, 40, 'trace-2'),
        span('t3', '', 20, 30, 'trace-3'),
        span('t4', '', 45, 60, 'trace-4'),
      ])
    );
    // From 60 back: t4 (45–60), then the last root ending by 45 is t2 (ends 40), then by 5 nothing else ends.
    expect(flow.criticalPath).toEqual(['t2', 't4']);
    expect(flow.isOnCriticalPath('t3')).toBe(false);
    expect(flow.isOnCriticalPath('t1')).toBe(false);
  });

  it('is empty for an empty task', () => {
    expect(buildTaskFlow([]).criticalPath).toEqual([]);
  });
});
