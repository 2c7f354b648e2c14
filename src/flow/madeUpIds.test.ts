import { T0, traceFrame } from './fixtures/traceFrames';
import { buildTaskFlow } from './index';

// A span without an id gets a made-up one (`missing-id-<frame>-<row>`); input may already hold that text as a real id.
describe('made-up span ids', () => {
  it('gives a span without an id a stable made-up one', () => {
    const flow = buildTaskFlow([traceFrame([{ traceId: 'a1', spanId: '', name: 'no id', start: T0, duration: 5 }])]);
    expect(flow.roots).toEqual(['missing-id-0-0']);
    expect(flow.span('missing-id-0-0')?.name).toBe('no id');
  });

  it('drops a made-up id that clashes with a real one without renaming the next span', () => {
    const flow = buildTaskFlow([
      traceFrame([{ traceId: 'a1', spanId: 'missing-id-1-0', name: 'real', start: T0, duration: 5 }]),
      traceFrame([
        { traceId: 'b2', spanId: '', name: 'no id', start: T0 + 1, duration: 5 },
        { traceId: 'b2', spanId: 'b200000000000001', name: 'next', start: T0 + 2, duration: 5 },
      ]),
    ]);
    expect(flow.roots).toEqual(['missing-id-1-0', 'b200000000000001']);
    expect(flow.span('b200000000000001')?.name).toBe('next');
    expect(flow.span('missing-id-1-0')?.name).toBe('real');
    expect(flow.anomalies.map((a) => a.kind)).toContain('duplicate_span_id');
  });
});
