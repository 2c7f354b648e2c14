import { buildTaskFlow } from '../flow';
import type { TaskFlow } from '../flow/types';
import { errorTaskFrames } from '../flow/fixtures/errorTask';
import { guideTaskFrames } from '../flow/fixtures/guideTask';
import { retryTaskFrames } from '../flow/fixtures/retryTask';
import { SCATTERED, scatteredTaskFrames } from '../flow/fixtures/scatteredTask';
import { T0, framesByTrace } from '../flow/fixtures/traceFrames';
import { exportId } from './ids';
import { parseTaskFile, taskFileName, taskFileText, taskToOtlp, tasksFromSpans } from '.';

/** The flow with its ids as the file writes them (fixtures with ids that are not hex get stable hex ones). */
function withExportedIds<T>(value: T, flow: TaskFlow): T {
  const ids = new Map<string, string>();
  for (const i of flow.preorder) {
    const s = flow.span(flow.idAt(i))!;
    if (!s.synthetic) {
      ids.set(s.spanId, exportId(s.spanId, 16));
      ids.set(s.traceId, exportId(s.traceId, 32));
      if (s.parentSpanId) {
        ids.set(s.parentSpanId, exportId(s.parentSpanId, 16));
      }
    }
  }
  // Ids also appear inside anomaly messages.
  const replace = (text: string) => text.replace(/[^\s()"]+/g, (word) => ids.get(word) ?? word);
  return JSON.parse(JSON.stringify(value), (_k, v) => (typeof v === 'string' ? replace(v) : v));
}

/** Everything the flow view shows about a flow, as plain data. */
function snapshot(flow: TaskFlow) {
  const spans = Array.from(flow.preorder, (i) => {
    const s = flow.span(flow.idAt(i))!;
    return { ...s, depth: flow.depthAt(i) };
  });
  return {
    spanCount: flow.spanCount,
    roots: flow.roots,
    traceIds: [...flow.traceIds].sort(),
    phaseTotals: flow.phaseTotals,
    steps: flow.steps,
    criticalPath: flow.criticalPath,
    anomalies: flow.anomalies,
    identity: [flow.correlationId, flow.taskUuid, flow.namespace, flow.taskName, flow.status],
    startMs: flow.startMs,
    endMs: flow.endMs,
    spans,
  };
}

describe('export → open → same flow', () => {
  it.each([
    ['guide (one trace)', guideTaskFrames],
    ['tasker-core (nine traces)', scatteredTaskFrames],
    ['errors', errorTaskFrames],
    ['retries', retryTaskFrames],
  ])('%s', (_name, frames) => {
    const before = buildTaskFlow(frames());
    const file = parseTaskFile(taskFileText(before));
    expect(file.format).toBe('otlp');
    expect(file.skipped).toBe(0);
    const tasks = tasksFromSpans(file.spans);
    expect(tasks).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(snapshot(tasks[0].flow)))).toEqual(withExportedIds(snapshot(before), before));
  });

  it('keeps microsecond times of epoch timestamps exactly', () => {
    const frames = framesByTrace([
      { traceId: 'ab'.repeat(16), spanId: '1'.repeat(16), name: 'root', start: T0 + 0.123, duration: 5.001 },
      {
        traceId: 'ab'.repeat(16),
        spanId: '2'.repeat(16),
        parentSpanId: '1'.repeat(16),
        name: 'child',
        start: T0 + 1.999,
        duration: 0.001,
      },
    ]);
    const before = buildTaskFlow(frames);
    const after = tasksFromSpans(parseTaskFile(taskFileText(before)).spans)[0].flow;
    expect(after.span('2'.repeat(16))).toEqual(before.span('2'.repeat(16)));
    expect(after.span('1'.repeat(16))?.startMs).toBe(T0 + 0.123);
  });
});

describe('the exported OTLP/JSON', () => {
  const flow = buildTaskFlow(scatteredTaskFrames());
  const doc = taskToOtlp(flow);
  const spans = doc.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((s) => s.spans));

  it('holds every real span of every trace, none of the synthetic step nodes', () => {
    const real = Array.from(flow.preorder).filter((i) => !flow.span(flow.idAt(i))?.synthetic);
    expect(spans).toHaveLength(real.length);
    expect(new Set(spans.map((s) => s.traceId))).toEqual(new Set(Object.values(SCATTERED.traces)));
  });

  it('writes ids as lowercase hex of 32 and 16 digits and times as nanosecond strings', () => {
    for (const s of spans) {
      expect(s.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
      if (s.parentSpanId !== undefined) {
        expect(s.parentSpanId).toMatch(/^[0-9a-f]{16}$/);
      }
      expect(s.startTimeUnixNano).toMatch(/^\d{19}$/);
      expect(BigInt(s.endTimeUnixNano) >= BigInt(s.startTimeUnixNano)).toBe(true);
    }
  });

  it('keeps resources per service with their attributes', () => {
    const services = doc.resourceSpans.map(
      (rs) => rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue
    );
    expect(services.sort()).toEqual(['tasker-orchestration', 'tasker-rust-worker']);
    expect(doc.resourceSpans[0].resource?.attributes).toContainEqual({
      key: 'service.version',
      value: { stringValue: '0.1.0' },
    });
  });

  it('types attribute values as OTLP does (intValue as a string, doubles, booleans)', () => {
    const typed = buildTaskFlow(
      framesByTrace([
        {
          traceId: 'cd'.repeat(16),
          spanId: '3'.repeat(16),
          name: 'typed',
          start: T0,
          duration: 1,
          attrs: { retries: 3, ratio: 0.25, ok: true, text: 'x' },
          statusCode: 2,
          statusMessage: 'boom',
        },
      ])
    );
    const [span] = taskToOtlp(typed).resourceSpans[0].scopeSpans[0].spans;
    expect(span.attributes).toEqual([
      { key: 'retries', value: { intValue: '3' } },
      { key: 'ratio', value: { doubleValue: 0.25 } },
      { key: 'ok', value: { boolValue: true } },
      { key: 'text', value: { stringValue: 'x' } },
    ]);
    expect(span.status).toEqual({ code: 2, message: 'boom' });
    expect(span.kind).toBe(1);
  });

  it('gives ids that are not hex a stable hex id, so parent links still hold', () => {
    const odd = buildTaskFlow(
      framesByTrace([
        { traceId: 'trace <one>', spanId: 'root span', name: 'root', start: T0, duration: 2 },
        { traceId: 'trace <one>', spanId: 'child', parentSpanId: 'root span', name: 'c', start: T0, duration: 1 },
      ])
    );
    const out = taskToOtlp(odd).resourceSpans[0].scopeSpans[0].spans;
    expect(out[0].traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(out[1].parentSpanId).toBe(out[0].spanId);
    const again = tasksFromSpans(parseTaskFile(JSON.stringify({ resourceSpans: taskToOtlp(odd).resourceSpans })).spans);
    expect(again[0].flow.roots).toHaveLength(1);
  });

  it('names the file after the correlation_id', () => {
    expect(taskFileName(flow, 'x')).toBe(`tasker-task-${SCATTERED.correlationId}.json`);
    expect(taskFileName(buildTaskFlow([]), '../../etc/passwd')).toBe('tasker-task-.._.._etc_passwd.json');
  });
});
