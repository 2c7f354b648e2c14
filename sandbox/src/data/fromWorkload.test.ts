import { ID_EPOCH_MS } from './builder';
import { workloadDemo } from './fromWorkload';
import { generateLargeTask } from './large';

describe('workloadDemo', () => {
  it('keeps ids across page loads while times follow the clock', () => {
    const a = workloadDemo(7, 6, Date.UTC(2026, 10, 26, 12), 3600_000, ID_EPOCH_MS);
    const b = workloadDemo(7, 6, Date.UTC(2026, 10, 27, 9), 3600_000, ID_EPOCH_MS);
    expect(b.tasks.map((t) => t.taskUuid)).toEqual(a.tasks.map((t) => t.taskUuid));
    expect(b.spans.map((s) => s.spanId)).toEqual(a.spans.map((s) => s.spanId));
    expect(b.spans[0].startMs - a.spans[0].startMs).toBeCloseTo(21 * 3600_000, 3);
  });

  it('puts the newest task just before now and splits log labels into stream and metadata', () => {
    const now = Date.UTC(2026, 10, 26, 12);
    const d = workloadDemo(7, 6, now, 3600_000, ID_EPOCH_MS);
    const lastEnd = Math.max(...d.spans.map((s) => s.startMs + s.durationMs));
    expect(lastEnd).toBeLessThanOrEqual(now);
    expect(lastEnd).toBeGreaterThan(now - 3600_000);
    expect(Object.keys(d.logs[0].stream).sort()).toEqual(['deployment_environment', 'service_name']);
    expect(d.logs.some((l) => l.metadata.correlation_id)).toBe(true);
    expect(new Set(d.tasks.map((t) => t.shape))).toEqual(new Set(['documented', 'tasker-core']));
    // tasker-core's records name no task but carry the trace context of a stored span, as Loki keeps OTLP logs.
    const spans = new Map(d.spans.map((s) => [s.spanId, s]));
    const traceOnly = d.logs.filter((l) => l.metadata.trace_id && !l.metadata.correlation_id && !l.metadata.task_uuid);
    expect(traceOnly.length).toBeGreaterThan(0);
    expect(traceOnly.every((l) => spans.get(l.metadata.span_id)?.traceId === l.metadata.trace_id)).toBe(true);
  });
});

describe('generateLargeTask', () => {
  it('builds exactly the asked number of spans in one tree', () => {
    const { spans, task } = generateLargeTask(2000, 1, 0);
    expect(spans).toHaveLength(2000);
    expect(task.spanCount).toBe(2000);
    const ids = new Set(spans.map((s) => s.spanId));
    expect(ids.size).toBe(2000);
    expect(spans.filter((s) => !s.parentSpanId)).toHaveLength(1);
    expect(spans.every((s) => !s.parentSpanId || ids.has(s.parentSpanId))).toBe(true);
  });
});
