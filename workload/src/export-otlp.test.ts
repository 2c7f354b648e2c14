/**
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// Node export conditions: the OTLP exporters' browser builds would send with XHR instead of node:http. The exporters
// run in a child process (testing/send-batch.ts): they load node:http with a dynamic import() that Jest cannot run.
import { exportSettingsFromEnv, isSampled, msToHrTime } from './export-otlp';
import { runExport, type Sender } from './live';
import type { SimBatch, SimLogRecord, SimSpan } from './model';
import { simulate, type SimulateOptions } from './simulate';
import { runTsx } from './testing/childProcess';
import { OtlpReceiver, type ReceivedSpan } from './testing/otlpReceiver';

jest.setTimeout(60000);

const START = Date.UTC(2026, 10, 26, 6, 0, 0);

async function exportBatch(
  options: SimulateOptions,
  env: Record<string, string> = {}
): Promise<{ batch: SimBatch; receiver: OtlpReceiver }> {
  const receiver = new OtlpReceiver();
  const endpoint = await receiver.start();
  try {
    const run = await runTsx('workload/src/testing/send-batch.ts', [JSON.stringify(options)], {
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      ...env,
    });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  } finally {
    await receiver.stop();
  }
  return { batch: simulate(options), receiver };
}

function expectSameSpan(got: ReceivedSpan | undefined, want: SimSpan) {
  expect(got).toBeDefined();
  expect(got?.name).toBe(want.name);
  expect(got?.parentSpanId ?? '').toBe(want.parentSpanId ?? '');
  expect(got?.kind).toBe(1); // SPAN_KIND_INTERNAL in OTLP
  expect(got?.startMs).toBeCloseTo(want.startMs, 2);
  expect(got?.endMs).toBeCloseTo(want.startMs + want.durationMs, 2);
  expect(got?.attributes).toEqual(want.attributes);
  expect(got?.status.code ?? 0).toBe({ unset: 0, ok: 1, error: 2 }[want.status.code]);
  expect(got?.scope.name).toBe('tasker-core');
  expect(got?.resource['service.name']).toBe(want.service);
  expect(got?.events.map((e) => e.name)).toEqual(want.events.map((e) => e.name));
}

describe('OTLP/HTTP export', () => {
  it('documented shape: every span arrives with its ids, parent, attributes, status and resource', async () => {
    const { batch, receiver } = await exportBatch(
      { seed: 11, count: 3, shape: 'documented', startMs: START },
      { DEPLOYMENT_ENVIRONMENT: 'staging' }
    );
    const sent = batch.tasks.flatMap((t) => t.spans);
    expect(receiver.spans).toHaveLength(sent.length);
    expect(receiver.contentTypes).toContain('application/json');
    const byId = new Map(receiver.spans.map((s) => [s.spanId, s]));
    for (const want of sent) {
      const got = byId.get(want.spanId);
      expect(got?.traceId).toBe(want.traceId);
      expectSameSpan(got, want);
      expect(got?.resource['deployment.environment']).toBe('staging');
      expect(got?.resource['service.version']).toBe('0.1.0');
    }
    // One trace per task, with the root being the task-creation span.
    for (const task of batch.tasks) {
      const spans = receiver.spans.filter((s) => s.attributes.correlation_id === task.correlationId);
      expect(new Set(spans.map((s) => s.traceId)).size).toBe(1);
      expect(spans.filter((s) => s.parentSpanId === '').map((s) => s.name)).toEqual([
        'create_and_enqueue_task_from_request',
      ]);
    }
  });

  it('documented shape: logs carry their fields and the trace context of their span', async () => {
    const { batch, receiver } = await exportBatch({
      seed: 12,
      count: 2,
      shape: 'documented',
      startMs: START,
      failureRate: 0.5,
    });
    const sent = batch.tasks.flatMap((t) => t.logs);
    expect(receiver.logs).toHaveLength(sent.length);
    const spanIds = new Set(batch.tasks.flatMap((t) => t.spans.map((s) => s.spanId)));
    for (const log of receiver.logs) {
      expect(spanIds.has(log.spanId)).toBe(true);
      expect(log.attributes.correlation_id).toEqual(expect.any(String));
      expect(log.resource['service.name']).toMatch(/^tasker-/);
      expect(log.severityNumber).toBe({ TRACE: 1, DEBUG: 5, INFO: 9, WARN: 13, ERROR: 17 }[log.severityText]);
    }
    const backoff = receiver.logs.filter((l) => l.body === 'Applied backoff');
    expect(backoff.length).toBeGreaterThan(0);
    for (const l of backoff) {
      expect(l.attributes).toMatchObject({
        backoff_type: 'exponential',
        delay_seconds: expect.any(Number),
        next_retry_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
    }
  });

  it('tasker-core shape: separate traces per task, tasker-core attributes, logs as its OTLP appender writes them', async () => {
    const { batch, receiver } = await exportBatch({
      seed: 13,
      count: 3,
      shape: 'tasker-core',
      startMs: START,
      failureRate: 0.5,
    });
    const sent = [...batch.tasks.flatMap((t) => t.spans), ...batch.noise];
    expect(receiver.spans).toHaveLength(sent.length);
    const byId = new Map(receiver.spans.map((s) => [s.spanId, s]));
    for (const want of sent) {
      expectSameSpan(byId.get(want.spanId), want);
    }
    for (const task of batch.tasks) {
      const traceIds = new Set(task.traceIds);
      expect(traceIds.size).toBeGreaterThan(4);
      const spans = receiver.spans.filter((s) => traceIds.has(s.traceId));
      const creation = spans.find((s) => s.name === 'create_and_enqueue_task_from_request');
      expect(
        Object.keys(creation?.attributes ?? {})
          .filter((k) => !/^(code|thread)\.|_ns$/.test(k))
          .sort()
      ).toEqual(['correlation_id', 'task_name']);
      const result = spans.find((s) => s.name === 'handle_step_execution_result');
      expect(Object.keys(result?.attributes ?? {}).filter((k) => !/^(code|thread)\.|_ns$/.test(k))).toEqual([
        'step_uuid',
      ]);
      expect(spans.every((s) => s.status.code !== 1)).toBe(true);
      expect(new Set(spans.map((s) => s.resource['service.name']))).toEqual(
        new Set(['tasker-orchestration', `tasker-${task.steps[0].handler.language}-worker`])
      );
    }
    expect(receiver.logs.length).toBe(batch.tasks.flatMap((t) => t.logs).length);
    // As tasker-core's appender: the trace context of the span the event fired in (none while a handler runs, which
    // has no span), the event's own fields, the message as the body.
    const spanIds = new Set(sent.map((s) => s.spanId));
    for (const log of receiver.logs) {
      expect(log.traceId === '' || spanIds.has(log.spanId)).toBe(true);
      expect(log.body).toMatch(/^[A-Za-z][\w. ]+$/);
    }
    expect(receiver.logs.filter((l) => l.traceId !== '').length).toBeGreaterThan(receiver.logs.length / 2);
    const retries = batch.tasks.flatMap((t) => t.steps.flatMap((st) => st.attempts.filter((a) => a.backoff)));
    expect(retries.length).toBeGreaterThan(0);
    const backoffLines = receiver.logs.filter((l) => l.body === 'Applied backoff');
    expect(backoffLines).toHaveLength(retries.length);
    for (const l of backoffLines) {
      expect(l.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(l.attributes).toMatchObject({ backoff_type: 'exponential', delay_seconds: expect.any(Number) });
    }
  });

  it('OTEL_SERVICE_NAME replaces the tasker prefix of every service', async () => {
    const { receiver } = await exportBatch(
      { seed: 14, count: 2, shape: 'both', startMs: START },
      { OTEL_SERVICE_NAME: 'acme' }
    );
    const names = new Set(receiver.spans.map((s) => String(s.resource['service.name'])));
    expect([...names].every((n) => n.startsWith('acme-'))).toBe(true);
    expect(names.has('acme-orchestration')).toBe(true);
  });

  it('OTEL_TRACES_SAMPLER_ARG keeps or drops whole traces, never logs', async () => {
    const options: SimulateOptions = { seed: 15, count: 6, shape: 'both', startMs: START };
    const none = (await exportBatch(options, { OTEL_TRACES_SAMPLER_ARG: '0' })).receiver;
    expect(none.spans).toHaveLength(0);
    expect(none.logs.length).toBeGreaterThan(0);
    const { batch, receiver: half } = await exportBatch(options, { OTEL_TRACES_SAMPLER_ARG: '0.5' });
    const all = [...batch.tasks.flatMap((t) => t.spans), ...batch.noise];
    const expected = all.filter((s) => isSampled(s.traceId, 0.5));
    expect(half.spans.length).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    const keptTraces = new Set(half.spans.map((s) => s.traceId));
    for (const s of all) {
      expect(keptTraces.has(s.traceId)).toBe(isSampled(s.traceId, 0.5));
    }
  });

  it('rejects bad settings with a clear message', () => {
    expect(() => exportSettingsFromEnv({ OTEL_TRACES_SAMPLER_ARG: '2' })).toThrow(/between 0 and 1/);
    expect(() => exportSettingsFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'observability:4318' })).toThrow(/http\(s\) URL/);
    expect(() => exportSettingsFromEnv({ OTEL_EXPORTER_OTLP_TIMEOUT: 'soon' })).toThrow(/milliseconds/);
    expect(exportSettingsFromEnv({})).toMatchObject({
      endpoint: 'http://localhost:4318',
      samplerRatio: 1,
      timeoutMillis: 10000,
    });
  });

  it('reports a failed export instead of hiding it', async () => {
    const run = await runTsx(
      'workload/src/testing/send-batch.ts',
      [JSON.stringify({ seed: 16, count: 1, shape: 'documented', startMs: START })],
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9',
        OTEL_EXPORTER_OTLP_TIMEOUT: '1000',
      }
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/OTLP export of \d+ spans failed/);
  });

  it('converts milliseconds to HrTime without losing sub-millisecond parts', () => {
    expect(msToHrTime(1500.25)).toEqual([1, 500250000]);
    expect(msToHrTime(START)).toEqual([START / 1000, 0]);
  });

  it('live mode sends each span once, after it has ended (fake clock, recording sender)', async () => {
    let now = START;
    const sent: Array<{ at: number; span: SimSpan }> = [];
    const logs: Array<{ at: number; log: SimLogRecord }> = [];
    const sender: Sender = {
      sendSpans: async (spans) => (spans.forEach((span) => sent.push({ at: now, span })), spans.length),
      sendLogs: async (records) => (records.forEach((log) => logs.push({ at: now, log })), records.length),
      shutdown: async () => undefined,
    };
    const clock = { now: () => now, sleep: async (ms: number) => void (now += ms * 20) };
    const stats = await runExport(
      { shape: 'both', rate: 1, durationSeconds: 4, seed: 5, backfillSeconds: 2, help: false },
      sender,
      clock
    );
    expect(stats).toMatchObject({ tasks: 6, failedBatches: 0, spansSent: sent.length, logsSent: logs.length });
    expect(new Set(sent.map((s) => s.span.spanId)).size).toBe(sent.length);
    for (const { at, span } of sent) {
      expect(span.startMs + span.durationMs).toBeLessThanOrEqual(at);
    }
    for (const { at, log } of logs) {
      expect(log.timeMs).toBeLessThanOrEqual(at);
    }
    expect(sent.some((s) => s.span.name === 'execute_step')).toBe(true);
    expect(sent.some((s) => s.span.name === 'worker.step_completion_received')).toBe(true);
  });

  it('the CLI exports over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT', async () => {
    const receiver = new OtlpReceiver();
    const endpoint = await receiver.start();
    const run = await runTsx(
      'workload/src/cli.ts',
      [
        '--shape',
        'both',
        '--rate',
        '0.025',
        '--duration',
        '0',
        '--backfill',
        '120',
        '--seed',
        '3',
        '--slow-rate',
        '0',
        '--failure-rate',
        '0',
      ],
      { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, DEPLOYMENT_ENVIRONMENT: 'ci' }
    );
    await receiver.stop();
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/done: 3 tasks, \d+ spans, \d+ log records, 0 failed batches/);
    const roots = receiver.spans.filter((s) => s.name === 'create_and_enqueue_task_from_request');
    expect(roots).toHaveLength(3);
    expect(receiver.spans.every((s) => s.resource['deployment.environment'] === 'ci')).toBe(true);
    expect(receiver.logs.length).toBeGreaterThan(0);
  });
});
