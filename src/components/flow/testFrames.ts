// Test-only: Tempo trace-by-id frames (TraceSpanRow fields) of a guide-shaped task, any size, for component tests.
import { createDataFrame, type DataFrame, FieldType } from '@grafana/data';
import type { FixtureSpan } from '../../data/testing/frames';

export interface TestSpan {
  traceID: string;
  spanID: string;
  parentSpanID?: string;
  operationName: string;
  serviceName: string;
  startTime: number;
  duration: number;
  tags: Array<{ key: string; value: unknown }>;
  statusCode?: number;
  statusMessage?: string;
  logs?: Array<{ timestamp: number; name?: string; fields: Array<{ key: string; value: unknown }> }>;
}

export const TASK_UUID = '019ab6f9-7a27-7d16-b298-1ea41b327373';
export const CORRELATION_ID = '88f21229-4085-4d53-8f52-2fde0b7228e2';
export const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">';
export const HOSTILE_VALUE = '<script>window.__pwned=2</script>';

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0').slice(-width);
}

export function framesOf(spans: TestSpan[]): DataFrame[] {
  const byTrace = new Map<string, TestSpan[]>();
  for (const s of spans) {
    const list = byTrace.get(s.traceID) ?? [];
    list.push(s);
    byTrace.set(s.traceID, list);
  }
  return [...byTrace.values()].map((list) =>
    createDataFrame({
      name: 'Trace',
      meta: { preferredVisualisationType: 'trace' },
      fields: [
        { name: 'traceID', type: FieldType.string, values: list.map((s) => s.traceID) },
        { name: 'spanID', type: FieldType.string, values: list.map((s) => s.spanID) },
        { name: 'parentSpanID', type: FieldType.string, values: list.map((s) => s.parentSpanID) },
        { name: 'operationName', type: FieldType.string, values: list.map((s) => s.operationName) },
        { name: 'serviceName', type: FieldType.string, values: list.map((s) => s.serviceName) },
        {
          name: 'serviceTags',
          type: FieldType.other,
          values: list.map((s) => [{ key: 'service.name', value: s.serviceName }]),
        },
        { name: 'startTime', type: FieldType.number, values: list.map((s) => s.startTime) },
        { name: 'duration', type: FieldType.number, values: list.map((s) => s.duration) },
        { name: 'tags', type: FieldType.other, values: list.map((s) => s.tags) },
        { name: 'logs', type: FieldType.other, values: list.map((s) => s.logs ?? []) },
        { name: 'kind', type: FieldType.string, values: list.map(() => 'internal') },
        { name: 'statusCode', type: FieldType.number, values: list.map((s) => s.statusCode ?? 0) },
        { name: 'statusMessage', type: FieldType.string, values: list.map((s) => s.statusMessage ?? '') },
      ],
    })
  );
}

export interface TaskShape {
  steps: number;
  /** Extra child spans under each step's handler_execution (pads the task to a size). */
  fillerPerStep?: number;
  /** Make the second step fail once and be retried. */
  withRetry?: boolean;
  /** Put hostile strings in a span name and an attribute value. */
  hostile?: boolean;
  startMs?: number;
}

/**
 * One trace in the guide's shape: create_and_enqueue_task_from_request, then per step enqueue_ready_steps,
 * execute_step (try_claim_step, handler_execution + fillers), handle_step_execution_result, and finalize_task.
 */
export function guideTaskSpans(shape: TaskShape): TestSpan[] {
  const t0 = shape.startMs ?? Date.UTC(2026, 10, 26, 5, 0, 0);
  const traceID = hex(0xabc, 32);
  const spans: TestSpan[] = [];
  let next = 1;
  const id = () => hex(next++, 16);
  const base = [
    { key: 'correlation_id', value: CORRELATION_ID },
    { key: 'task_uuid', value: TASK_UUID },
    { key: 'namespace', value: 'linear_workflow' },
  ];
  const rootId = id();
  const filler = shape.fillerPerStep ?? 0;
  const stepMs = 10 + filler * 0.01;
  spans.push({
    traceID,
    spanID: rootId,
    operationName: 'create_and_enqueue_task_from_request',
    serviceName: 'tasker-orchestration',
    startTime: t0,
    duration: 0,
    tags: [...base, { key: 'task_name', value: 'linear_task' }],
  });
  let t = t0 + 1;
  for (let s = 0; s < shape.steps; s++) {
    const stepUuid = `019ab6f9-7a2a-7873-a5d1-${hex(s, 12)}`;
    const stepTags = [...base, { key: 'step_uuid', value: stepUuid }, { key: 'step_name', value: `step_${s}` }];
    spans.push({
      traceID,
      spanID: id(),
      parentSpanID: rootId,
      operationName: 'enqueue_ready_steps',
      serviceName: 'tasker-orchestration',
      startTime: t,
      duration: 0.5,
      tags: base,
    });
    const attempts = shape.withRetry && s === 1 ? 2 : 1;
    for (let a = 0; a < attempts; a++) {
      const failed = attempts === 2 && a === 0;
      const execId = id();
      spans.push({
        traceID,
        spanID: execId,
        parentSpanID: rootId,
        operationName: 'execute_step',
        serviceName: 'tasker-rust-worker',
        startTime: t + 1,
        duration: stepMs,
        tags: stepTags,
        statusCode: failed ? 2 : 0,
        statusMessage: failed ? 'handler failed: connection refused' : undefined,
        logs: failed
          ? [{ timestamp: t + 2, name: 'step.execution_failed', fields: [{ key: 'attempt', value: 1 }] }]
          : [],
      });
      spans.push({
        traceID,
        spanID: id(),
        parentSpanID: execId,
        operationName: 'try_claim_step',
        serviceName: 'tasker-rust-worker',
        startTime: t + 1,
        duration: 0.2,
        tags: stepTags,
      });
      const handlerId = id();
      spans.push({
        traceID,
        spanID: handlerId,
        parentSpanID: execId,
        operationName: shape.hostile && s === 0 && a === 0 ? HOSTILE_NAME : 'handler_execution',
        serviceName: 'tasker-rust-worker',
        startTime: t + 1.3,
        duration: stepMs - 0.5,
        tags: shape.hostile && s === 0 ? [...stepTags, { key: 'payload', value: HOSTILE_VALUE }] : stepTags,
        statusCode: failed ? 2 : 0,
      });
      for (let f = 0; f < filler; f++) {
        spans.push({
          traceID,
          spanID: id(),
          parentSpanID: handlerId,
          operationName: `db_query_${f % 7}`,
          serviceName: 'tasker-rust-worker',
          startTime: t + 1.3 + f * 0.009,
          duration: 0.008,
          tags: [{ key: 'db.statement', value: `select ${f}` }],
        });
      }
      t += stepMs + 1;
    }
    spans.push({
      traceID,
      spanID: id(),
      parentSpanID: rootId,
      operationName: 'handle_step_execution_result',
      serviceName: 'tasker-orchestration',
      startTime: t,
      duration: 0.5,
      tags: [{ key: 'step_uuid', value: stepUuid }],
    });
    t += 1;
  }
  spans.push({
    traceID,
    spanID: id(),
    parentSpanID: rootId,
    operationName: 'finalize_task',
    serviceName: 'tasker-orchestration',
    startTime: t,
    duration: 2,
    tags: base,
  });
  // The root covers everything (no clock-skew anomaly in the clean shape).
  spans[0].duration = t + 3 - t0;
  return spans;
}

/** About `n` spans: 5 + fillers per step, with enough steps to reach n. */
export function largeTaskFrames(n: number): DataFrame[] {
  const perStep = 100;
  const steps = Math.max(1, Math.round(n / (perStep + 5)));
  return framesOf(guideTaskSpans({ steps, fillerPerStep: perStep, withRetry: true }));
}

/** A test span as the search fixtures take it (what Tempo's search would return of it). */
export function searchFixtureOf(s: TestSpan): FixtureSpan {
  const attrs: Record<string, string> = {};
  for (const t of s.tags) {
    attrs[t.key] = String(t.value);
  }
  return {
    traceId: s.traceID,
    spanId: s.spanID,
    parentSpanId: s.parentSpanID,
    name: s.operationName,
    startMs: s.startTime,
    durationMs: s.duration,
    service: s.serviceName,
    attrs,
    status: s.statusCode === 2 ? 'error' : 'unset',
  };
}
