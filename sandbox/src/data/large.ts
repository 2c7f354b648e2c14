import type { DemoTaskInfo, StoredSpan } from './model';
import { ID_EPOCH_MS } from './builder';
import { Random } from './random';

/** A valid UUID that names the span count, so a test or the bench can build the id without asking. */
export function largeCorrelationId(spanCount: number): string {
  return `1a2b3c4d-0000-4000-8000-${String(spanCount).padStart(12, '0')}`;
}

/**
 * One task-shaped trace of `spanCount` spans: a root, batches of steps under `process_batch`, and per step the
 * worker's execute/claim/handler spans and the orchestration's result spans. Lean attributes keep 100k spans
 * cheap in memory (shared strings, no Debug dumps).
 */
export function generateLargeTask(
  spanCount: number,
  seed: number,
  startMs: number,
  correlationId = largeCorrelationId(spanCount)
): { spans: StoredSpan[]; task: DemoTaskInfo } {
  const r = new Random(seed);
  const traceId = r.hex(32);
  const taskUuid = r.uuid7(ID_EPOCH_MS);
  const namespace = 'data_pipeline';
  const resourceOrch = {
    'service.name': 'tasker-orchestration',
    'service.version': '0.1.0',
    'deployment.environment': 'development',
  };
  const resourceWorker = {
    'service.name': 'tasker-rust-worker',
    'service.version': '0.1.0',
    'deployment.environment': 'development',
  };
  const spans: StoredSpan[] = [];
  let id = 0;
  const mk = (
    parent: StoredSpan | undefined,
    name: string,
    worker: boolean,
    s: number,
    d: number,
    attrs: StoredSpan['attrs'],
    err = false
  ): StoredSpan => {
    const span: StoredSpan = {
      traceId,
      spanId: (++id).toString(16).padStart(16, '0'),
      parentSpanId: parent ? parent.spanId : '',
      name,
      kind: 'internal',
      statusCode: err ? 2 : 0,
      statusMessage: err ? 'handler failed' : '',
      startMs: s,
      durationMs: d,
      attrs,
      resource: worker ? resourceWorker : resourceOrch,
      events: [],
      scopeName: 'tasker-core',
    };
    spans.push(span);
    return span;
  };
  const base = { correlation_id: correlationId, task_uuid: taskUuid, namespace };
  const root = mk(undefined, 'create_and_enqueue_task_from_request', false, startMs, 0, {
    ...base,
    task_name: 'nightly_etl',
  });
  const perStep = 5;
  const perBatch = 50;
  const stepCount = Math.max(1, Math.floor((spanCount - 2) / (perStep + 1 / perBatch)));
  let t = startMs + 5;
  let batch: StoredSpan | undefined;
  for (let i = 0; i < stepCount && spans.length + perStep <= spanCount - 1; i++) {
    if (i % perBatch === 0) {
      if (batch) {
        batch.durationMs = t - batch.startMs;
      }
      batch = mk(root, 'process_batch', false, t, 0, { ...base, batch: i / perBatch });
    }
    const stepUuid = r.uuid7(ID_EPOCH_MS + (t - startMs));
    const sa = { ...base, step_uuid: stepUuid, step_name: `etl_step_${i + 1}` };
    const exec = r.int(5, 60);
    const err = r.chance(0.002);
    const ex = mk(batch, 'execute_step', true, t + 2, exec + 3, sa, err);
    mk(ex, 'try_claim_step', true, t + 2, 1, sa);
    mk(ex, 'handler_execution', true, t + 4, exec, sa, err);
    const res = mk(batch, 'handle_step_execution_result', false, t + exec + 6, 3, sa);
    mk(res, 'process_orchestration_metadata', false, t + exec + 7, 1, sa);
    t += Math.max(1, Math.round(exec / 8));
  }
  if (batch) {
    batch.durationMs = t + 70 - batch.startMs;
  }
  // Top up to exactly spanCount with the orchestration's event publishing, so figures are per round numbers.
  while (spans.length < spanCount - 1) {
    mk(root, 'publish_event', false, t + 72, 1, base);
  }
  mk(root, 'finalize_task', false, t + 80, 5, base);
  root.durationMs = t + 90 - startMs;
  const task: DemoTaskInfo = {
    correlationId,
    taskUuid,
    namespace,
    taskName: 'nightly_etl',
    shape: 'large',
    spanCount: spans.length,
    error: spans.some((s) => s.statusCode === 2),
  };
  return { spans, task };
}
