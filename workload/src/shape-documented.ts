// The guide's model: one trace per task, the 11-span tree, correlation_id/task_uuid/namespace (and step_uuid where it
// applies) on every span, OK/ERROR status, logs carrying the trace context. Browser-safe.
import type { Attributes, SimSpan } from './model';
import { TelemetrySink, isoTime } from './emit';
import type { TaskPlan } from './schedule';

export const ORCHESTRATION_SERVICE = 'tasker-orchestration';
export const workerService = (language: string) => `tasker-${language}-worker`;

export function emitDocumented(plan: TaskPlan, sink: TelemetrySink): void {
  const orch = ORCHESTRATION_SERVICE;
  const worker = workerService(plan.language);
  const traceId = sink.newTraceId();
  const ns = plan.template.namespace;
  const base: Attributes = { correlation_id: plan.correlationId, task_uuid: plan.taskUuid, namespace: ns };
  const failedTask = plan.state === 'error';

  const root = sink.span({
    traceId,
    name: 'create_and_enqueue_task_from_request',
    service: orch,
    startMs: plan.startMs,
    endMs: plan.endMs,
    attributes: {
      ...base,
      component: 'task_initializer',
      task_name: plan.template.taskName,
      task_version: plan.template.version,
    },
    error: failedTask ? 'task finished with failed steps' : undefined,
    okOnSuccess: true,
  });
  sink.log(
    plan.initEndMs,
    orch,
    'INFO',
    'Task created and enqueued',
    { ...base, task_name: plan.template.taskName },
    root
  );

  // Enqueue passes: attempts that share an enqueue start were enqueued together.
  const passes = new Map<number, Array<{ stepUuid: string; enqueuedMs: number }>>();
  for (const step of plan.steps) {
    for (const a of step.attempts) {
      const list = passes.get(a.enqueueStartMs) ?? [];
      list.push({ stepUuid: step.stepUuid, enqueuedMs: a.enqueuedMs });
      passes.set(a.enqueueStartMs, list);
    }
  }
  for (const [startMs, stepsInPass] of [...passes.entries()].sort((a, b) => a[0] - b[0])) {
    const endMs = stepsInPass[0].enqueuedMs;
    const single: Attributes = stepsInPass.length === 1 ? { step_uuid: stepsInPass[0].stepUuid } : {};
    const pass = sink.span({
      traceId,
      parent: root,
      name: 'enqueue_ready_steps',
      service: orch,
      startMs,
      endMs,
      attributes: { ...base, ...single, component: 'step_enqueuer', steps_enqueued: stepsInPass.length },
      okOnSuccess: true,
    });
    const split = startMs + (endMs - startMs) * 0.4;
    sink.span({
      traceId,
      parent: pass,
      name: 'filter_and_prepare_enqueuable_steps',
      service: orch,
      startMs,
      endMs: split,
      attributes: { ...base, ...single },
      okOnSuccess: true,
    });
    sink.span({
      traceId,
      parent: pass,
      name: 'enqueue_steps_to_worker_queue',
      service: orch,
      startMs: split,
      endMs,
      attributes: { ...base, ...single, queue: `worker_${ns}_queue` },
      okOnSuccess: true,
    });
    sink.log(
      endMs,
      orch,
      'INFO',
      `Enqueued ${stepsInPass.length} ready step(s)`,
      { ...base, ...single, queue: `worker_${ns}_queue` },
      pass
    );
  }

  for (const step of plan.steps) {
    for (const a of step.attempts) {
      const stepAttrs: Attributes = { ...base, step_uuid: step.stepUuid, step_name: step.stepName, attempt: a.attempt };
      const exec = sink.span({
        traceId,
        parent: root,
        name: 'execute_step',
        service: worker,
        startMs: a.claimedMs,
        endMs: a.executionEndMs,
        attributes: { ...stepAttrs, component: 'command_processor' },
        error: a.failed ? a.error : undefined,
        okOnSuccess: true,
      });
      sink.span({
        traceId,
        parent: exec,
        name: 'try_claim_step',
        service: worker,
        startMs: a.claimedMs,
        endMs: a.executionStartMs,
        attributes: { ...stepAttrs, component: 'step_claim' },
        okOnSuccess: true,
      });
      const handler = sink.span({
        traceId,
        parent: exec,
        name: 'handler_execution',
        service: worker,
        startMs: a.executionStartMs,
        endMs: a.executionEndMs,
        attributes: { ...stepAttrs, 'handler.name': step.handler.name, 'handler.language': step.handler.language },
        events: a.failed
          ? [{ timeMs: a.executionEndMs, name: 'exception', attributes: { 'exception.message': a.error ?? 'failed' } }]
          : [],
        error: a.failed ? a.error : undefined,
        okOnSuccess: true,
      });
      sink.log(
        a.executionStartMs,
        worker,
        'INFO',
        'Step execution started',
        { ...stepAttrs, handler: step.handler.name },
        handler
      );
      if (a.failed) {
        sink.log(
          a.executionEndMs,
          worker,
          'ERROR',
          `Step execution failed: ${a.error}`,
          { ...stepAttrs, error: a.error ?? '' },
          handler
        );
      } else {
        const ms = Math.round(a.executionEndMs - a.executionStartMs);
        sink.log(
          a.executionEndMs,
          worker,
          ms > 5000 ? 'WARN' : 'INFO',
          `Step execution completed in ${ms}ms`,
          { ...stepAttrs, duration_ms: ms },
          handler
        );
      }

      const result = sink.span({
        traceId,
        parent: root,
        name: 'handle_step_execution_result',
        service: orch,
        startMs: a.resultProcessedStartMs,
        endMs: a.resultProcessedEndMs,
        attributes: { ...stepAttrs, component: 'result_processor', step_success: !a.failed },
        okOnSuccess: true,
      });
      const mid = (a.resultProcessedStartMs + a.resultProcessedEndMs) / 2;
      sink.span({
        traceId,
        parent: result,
        name: 'process_orchestration_metadata',
        service: orch,
        startMs: mid,
        endMs: a.resultProcessedEndMs,
        attributes: stepAttrs,
        okOnSuccess: true,
      });
      if (a.backoff) {
        sink.log(
          a.resultProcessedEndMs,
          orch,
          'INFO',
          'Applied backoff',
          {
            ...stepAttrs,
            backoff_type: a.backoff.type,
            delay_seconds: a.backoff.delaySeconds,
            next_retry_at: isoTime(a.backoff.nextRetryAtMs),
          },
          result
        );
      } else if (a.failed) {
        sink.log(
          a.resultProcessedEndMs,
          orch,
          'ERROR',
          'Step failed after all retries',
          { ...stepAttrs, error: a.error ?? '' },
          result
        );
      }
    }
  }

  const fin = sink.span({
    traceId,
    parent: root,
    name: 'finalize_task',
    service: orch,
    startMs: plan.finalizeStartMs,
    endMs: plan.endMs,
    attributes: { ...base, component: 'task_finalizer', final_state: plan.state },
    error: failedTask ? 'task has failed steps' : undefined,
    okOnSuccess: true,
  });
  const decision: SimSpan = sink.span({
    traceId,
    parent: fin,
    name: 'make_finalization_decision',
    service: orch,
    startMs: plan.finalizeStartMs + 1,
    endMs: plan.endMs - 1,
    attributes: { ...base, action: failedTask ? 'Failed' : 'Completed' },
    okOnSuccess: true,
  });
  sink.log(
    plan.endMs,
    orch,
    failedTask ? 'ERROR' : 'INFO',
    `Task finalized: ${plan.state}`,
    { ...base, final_state: plan.state },
    decision
  );
}
