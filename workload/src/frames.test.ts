import { logRows, logsFrame, searchFrame, traceFrame, traceFrames, type Frame } from './frames';
import { simulate } from './simulate';

const START = Date.UTC(2026, 10, 26, 6, 0, 0);
const batch = simulate({ seed: 21, count: 6, shape: 'both', startMs: START, failureRate: 0.3 });
const values = (frame: Frame, name: string) => frame.fields.find((f) => f.name === name)?.values ?? [];

describe('Tempo trace-by-id frames', () => {
  it("one frame per trace with the fields and units of Grafana's Tempo backend", () => {
    const frames = traceFrames(batch);
    const traceCount = new Set([...batch.tasks.flatMap((t) => t.traceIds), ...batch.noise.map((s) => s.traceId)]).size;
    expect(frames).toHaveLength(traceCount);
    for (const frame of frames) {
      expect(frame.name).toBe('Trace');
      expect(frame.meta).toEqual({ preferredVisualisationType: 'trace' });
      expect(frame.fields.map((f) => f.name)).toEqual([
        'traceID',
        'spanID',
        'parentSpanID',
        'operationName',
        'serviceName',
        'kind',
        'statusCode',
        'statusMessage',
        'instrumentationLibraryName',
        'instrumentationLibraryVersion',
        'traceState',
        'serviceTags',
        'startTime',
        'duration',
        'logs',
        'references',
        'tags',
      ]);
      for (const f of frame.fields) {
        expect(f.values).toHaveLength(frame.length);
      }
      expect(new Set(values(frame, 'traceID')).size).toBe(1);
      expect(values(frame, 'parentSpanID').filter((p) => p === '')).toHaveLength(1);
    }
  });

  it('keeps the model: ms times, status codes, tags, events as logs, resource as serviceTags', () => {
    const task = batch.tasks.find((t) => t.shape === 'documented' && t.spans.some((s) => s.status.code === 'error'));
    expect(task).toBeDefined();
    const spans = task?.spans ?? [];
    const frame = traceFrame(spans, { environment: 'staging' });
    const i = values(frame, 'spanID').indexOf(spans.find((s) => s.status.code === 'error')?.spanId);
    const span = spans.find((s) => s.spanId === values(frame, 'spanID')[i]);
    expect(values(frame, 'startTime')[i]).toBe(span?.startMs);
    expect(values(frame, 'duration')[i]).toBe(span?.durationMs);
    expect(values(frame, 'statusCode')[i]).toBe(2);
    expect(values(frame, 'statusMessage')[i]).toBe(span?.status.message);
    expect(values(frame, 'tags')[i]).toContainEqual({ key: 'correlation_id', value: task?.correlationId });
    expect(values(frame, 'serviceTags')[i]).toContainEqual({ key: 'deployment.environment', value: 'staging' });
    expect(values(frame, 'instrumentationLibraryName')[i]).toBe('tasker-core');
    const withEvent = spans.find((s) => s.events.length > 0);
    const j = values(frame, 'spanID').indexOf(withEvent?.spanId);
    expect(values(frame, 'logs')[j]).toEqual(
      withEvent?.events.map((e) => ({
        timestamp: e.timeMs,
        name: e.name,
        fields: Object.entries(e.attributes).map(([key, value]) => ({ key, value })),
      }))
    );
    // Sorted by start time.
    const starts = values(frame, 'startTime') as number[];
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('applies the OTEL_SERVICE_NAME prefix like the exporter', () => {
    const frame = traceFrame(batch.tasks[0].spans, { serviceNamePrefix: 'acme' });
    expect((values(frame, 'serviceName') as string[]).every((s) => s.startsWith('acme-'))).toBe(true);
  });
});

describe('Tempo search frame', () => {
  it('lists traces newest first with nested span sets and selected attributes', () => {
    const frame = searchFrame(batch, { spss: 2 });
    expect(frame.name).toBe('Traces');
    expect(frame.fields.map((f) => f.name)).toEqual([
      'traceID',
      'startTime',
      'traceService',
      'traceName',
      'traceDuration',
      'nested',
    ]);
    const starts = values(frame, 'startTime') as number[];
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    for (const nested of values(frame, 'nested') as Frame[][]) {
      const set = nested[0];
      expect(set.length).toBeLessThanOrEqual(2);
      expect(set.fields.map((f) => f.name)).toEqual([
        'traceIdHidden',
        'spanID',
        'time',
        'name',
        'correlation_id',
        'namespace',
        'task_uuid',
        'duration',
      ]);
      expect(set.fields.find((f) => f.name === 'duration')?.config).toEqual({ unit: 'ns' });
      expect((values(set, 'correlation_id') as string[]).every((c) => c !== '')).toBe(true);
    }
    // tasker-core PGMQ polling roots carry no correlation_id: not listed.
    expect(values(frame, 'traceName')).not.toContain('read_messages');
  });

  it('honours a custom match and limit', () => {
    const frame = searchFrame(batch, { matches: (s) => s.status.code === 'error', limit: 2, select: ['step_uuid'] });
    expect(frame.length).toBeLessThanOrEqual(2);
    expect(frame.length).toBeGreaterThan(0);
  });
});

describe('Loki log rows and frame', () => {
  const rows = logRows(batch);

  it('one row per log record, oldest first, with Loki labels, structured metadata and nanosecond timestamps', () => {
    expect(rows).toHaveLength(batch.tasks.flatMap((t) => t.logs).length);
    const times = rows.map((r) => r.timeMs);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const r of rows) {
      expect(r.labels.service_name).toMatch(/^tasker-/);
      expect(r.labels.deployment_environment).toBe('development');
      expect(r.tsNs).toMatch(/^\d{19}$/);
      expect(Number(BigInt(r.tsNs) / 1000000n)).toBe(Math.floor(r.timeMs));
      expect(r.labels.detected_level).toBe(r.level);
    }
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    // Both shapes put the trace context of the span a record was written in into trace_id/span_id; only the
    // documented shape also puts the task's ids on every record (tasker-core's appender keeps the event's fields).
    const withTrace = rows.filter((r) => r.labels.trace_id);
    expect(withTrace.length).toBeGreaterThan(0);
    expect(
      withTrace.every((r) => /^[0-9a-f]{32}$/.test(r.labels.trace_id) && /^[0-9a-f]{16}$/.test(r.labels.span_id))
    ).toBe(true);
    expect(withTrace.some((r) => !r.labels.correlation_id && !r.labels.task_uuid)).toBe(true);
  });

  it('frames them newest first with labels, Time, Line, tsNs, id', () => {
    const frame = logsFrame(rows);
    expect(frame.fields.map((f) => f.name)).toEqual(['labels', 'Time', 'Line', 'tsNs', 'id']);
    expect(frame.length).toBe(rows.length);
    const times = values(frame, 'Time') as number[];
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});
