import { buildTaskFlow } from '../../src/flow/buildTaskFlow';
import { framesByTrace, type SpanSpec } from '../../src/flow/fixtures/traceFrames';
import { taskToOtlp, type OtlpTracesData } from '../../src/taskfile';

export interface TaskSpec {
  /** Task number: makes its ids. */
  n: number;
  namespace?: string;
  taskName?: string;
  /** Epoch ms of the task's start. */
  start: number;
  /** Handler time of its one step, ms. */
  executionMs: number;
  queueWaitMs?: number;
}

const hex = (n: number, digits: number) => n.toString(16).padStart(digits, '0');
const uuid = (kind: number, n: number) => `019ab6f9-${hex(kind, 4)}-7000-8000-${hex(n, 12)}`;

/** A one-trace task in the guide's shape (create, enqueue, execute, result, finalize) with unique ids. */
export function taskSpans(t: TaskSpec): SpanSpec[] {
  const traceId = `7a5c${hex(t.n, 28)}`;
  const span = (i: number) => `${hex(t.n, 8)}${hex(i, 8)}`;
  const ids = {
    correlation_id: uuid(1, t.n),
    task_uuid: uuid(2, t.n),
    namespace: t.namespace ?? 'fulfillment',
    task_name: t.taskName ?? 'order_processing',
  };
  const step = { step_uuid: uuid(3, t.n), step_name: 'charge_card', task_uuid: ids.task_uuid };
  const wait = t.queueWaitMs ?? 5;
  const execStart = 20 + wait;
  const execEnd = execStart + t.executionMs;
  const end = execEnd + 30;
  const at = (i: number, parent: number, name: string, from: number, to: number, attrs = {}): SpanSpec => ({
    traceId,
    spanId: span(i),
    parentSpanId: parent ? span(parent) : undefined,
    name,
    start: t.start + from,
    duration: to - from,
    attrs,
  });
  return [
    at(1, 0, 'create_and_enqueue_task_from_request', 0, end, ids),
    at(2, 1, 'enqueue_ready_steps', 10, 20, { task_uuid: ids.task_uuid }),
    { ...at(3, 1, 'execute_step', execStart, execEnd, step), service: 'tasker-rust-worker' },
    at(4, 1, 'handle_step_execution_result', execEnd + 2, execEnd + 12, step),
    at(5, 1, 'finalize_task', execEnd + 15, end, { task_uuid: ids.task_uuid, correlation_id: ids.correlation_id }),
  ];
}

/** Tasks as one exported OTLP/JSON document (what the flow page's Export writes, several tasks concatenated). */
export function tasksDocument(tasks: TaskSpec[]): OtlpTracesData {
  return {
    resourceSpans: tasks.flatMap((t) => taskToOtlp(buildTaskFlow(framesByTrace(taskSpans(t)))).resourceSpans),
  };
}

/** `count` tasks starting an hour ago, a minute apart, with the given handler time (plus a little spread). */
export function taskSet(count: number, executionMs: number, first = 1, base = Date.now() - 3_600_000): TaskSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    n: first + i,
    start: base + i * 60_000,
    executionMs: executionMs + (i % 3),
  }));
}
