import { SCATTERED, scatteredTaskFrames } from './fixtures/scatteredTask';
import { T0, framesByTrace, type SpanSpec } from './fixtures/traceFrames';
import { buildTaskFlow } from './index';

// Tempo trims a trace above its size limit; Grafana's Tempo backend (pkg/tempo/trace.go, v13.1.x) marks the frame
// `meta.custom = { partial: true, message }` with Tempo's combiner message.
const TEMPO_MESSAGE = 'Trace exceeds maximum size of 5000000 bytes, a partial trace is returned';
const ID_A = '0000f1d2c3b4a5968778695a4b3c2d1e';
const ID_B = 'aa00f1d2c3b4a5968778695a4b3c2d1e';

const spans: SpanSpec[] = [
  { traceId: ID_A, spanId: 'a1', name: 'create_and_enqueue_task_from_request', start: T0, duration: 10 },
  { traceId: ID_A, spanId: 'a2', parentSpanId: 'a1', name: 'enqueue_ready_steps', start: T0 + 1, duration: 5 },
  { traceId: ID_B, spanId: 'b1', name: 'finalize_task', start: T0 + 20, duration: 3 },
];

function markPartial(frames: ReturnType<typeof framesByTrace>, index: number, message = TEMPO_MESSAGE) {
  const frame = frames[index];
  frames[index] = { ...frame, meta: { ...frame.meta, custom: { partial: true, message } } };
  return frames;
}

describe('partial traces (Grafana frame meta.custom.partial)', () => {
  it('names the trimmed trace as incomplete, with Tempo’s own words', () => {
    const flow = buildTaskFlow(markPartial(framesByTrace(spans), 0));
    const partial = flow.anomalies.filter((a) => a.kind === 'partial_trace');
    expect(partial).toHaveLength(1);
    expect(partial[0].message).toContain(`Trace ${ID_A} is incomplete`);
    expect(partial[0].message).toContain(TEMPO_MESSAGE);
    // Listed before the kinds that describe what is drawn, so the user reads it first.
    expect(flow.anomalies[0].kind).toBe('partial_trace');
  });

  it('says nothing for complete traces: partial false (what Grafana sends for a whole trace) or no custom meta', () => {
    const frames = framesByTrace(spans);
    frames[0] = { ...frames[0], meta: { ...frames[0].meta, custom: { partial: false, message: '' } } };
    expect(buildTaskFlow(frames).anomalies.some((a) => a.kind === 'partial_trace')).toBe(false);
  });

  it('one anomaly per trace, each naming its own trace', () => {
    const frames = markPartial(markPartial(framesByTrace(spans), 0), 1, '');
    const messages = buildTaskFlow(frames)
      .anomalies.filter((a) => a.kind === 'partial_trace')
      .map((a) => a.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain(ID_A);
    expect(messages[1]).toContain(ID_B);
  });
});

describe('trace identity in the flow model', () => {
  it('a trace id with and without its leading zeros is one trace (Tempo search trims them, trace frames do not)', () => {
    const trimmed = ID_A.replace(/^0+/, '');
    expect(trimmed).toHaveLength(28);
    const frames = framesByTrace([
      spans[0],
      { ...spans[1], traceId: trimmed.toUpperCase() },
      spans[2],
    ]);
    const flow = buildTaskFlow(frames);
    expect(flow.traceIds).toEqual([ID_A, ID_B]);
    // Same trace: the parent is found, so no orphan.
    expect(flow.childrenOf('a1')).toEqual(['a2']);
    expect(flow.anomalies.some((a) => a.kind === 'orphan_span')).toBe(false);
    expect(flow.span('a2')?.traceId).toBe(ID_A);
  });
});

describe('span counts', () => {
  it('spanCount counts real spans only; the synthetic step nodes are counted in nodeCount', () => {
    const flow = buildTaskFlow(scatteredTaskFrames());
    const inputSpans = scatteredTaskFrames().reduce((n, f) => n + f.length, 0);
    const stepNodes = [SCATTERED.step1, SCATTERED.step2].length;
    expect(flow.spanCount).toBe(inputSpans);
    expect(flow.nodeCount).toBe(inputSpans + stepNodes);
    expect(flow.preorder).toHaveLength(flow.nodeCount);
    // Real spans first, synthetic nodes after: index < spanCount is a real span.
    for (let i = 0; i < flow.nodeCount; i++) {
      expect(flow.span(flow.idAt(i))?.synthetic === true).toBe(i >= flow.spanCount);
    }
  });
});
