// What tasker-core emits today: many traces per task (no context propagation), orchestration and workers apart,
// its span names with attributes where the code puts them, Unset status unless an ERROR event fires, and OTLP log
// records as its appender writes them: the trace context of the span an event fires in, the event's own fields
// only, a message-only body (log-line.ts). Browser-safe.
import type { Attributes, SimSpan, SimSpanEvent } from './model';
import { TelemetrySink, isoTime } from './emit';
import { macroFields } from './log-line';
import { uuidV4, type Rng } from './random';
import type { TaskPlan } from './schedule';
import { ORCHESTRATION_SERVICE, workerService } from './shape-documented';

const ORCH_MODULE = 'tasker_orchestration::orchestration';

/** Attributes tracing-opentelemetry adds to every span. */
function codeAttrs(rng: Rng, module: string, file: string, startMs: number, endMs: number): Attributes {
  const busy = Math.max(1, Math.round((endMs - startMs) * 1e6 * rng.between(0.05, 0.6)));
  const thread = rng.int(1, 16);
  return {
    'code.module.name': module,
    'code.file.path': file,
    'code.line.number': rng.int(40, 900),
    'thread.id': thread,
    'thread.name': 'tokio-runtime-worker',
    busy_ns: busy,
    idle_ns: Math.max(0, Math.round((endMs - startMs) * 1e6) - busy),
  };
}

const ev = (timeMs: number, name: string, attributes: Attributes = {}): SimSpanEvent => ({ timeMs, name, attributes });

export function emitTaskerCore(plan: TaskPlan, sink: TelemetrySink, rng: Rng): void {
  const orch = ORCHESTRATION_SERVICE;
  const worker = workerService(plan.language);
  const ns = plan.template.namespace;
  const queue = `worker_${ns}_queue`;
  const failedTask = plan.state === 'error';

  // 1. Task creation (only correlation_id and task_name on the span).
  {
    const traceId = sink.newTraceId();
    const taskRequest = `TaskRequest { name: "${plan.template.taskName}", namespace: "${ns}", version: "${plan.template.version}", context: Object {"order_id": Number(${rng.int(1000, 99999)})}, correlation_id: ${plan.correlationId}, priority: None }`;
    const root = sink.span({
      traceId,
      name: 'create_and_enqueue_task_from_request',
      service: orch,
      startMs: plan.startMs,
      endMs: plan.initEndMs,
      attributes: {
        correlation_id: plan.correlationId,
        task_name: plan.template.taskName,
        ...codeAttrs(
          rng,
          `${ORCH_MODULE}::lifecycle::task_initialization`,
          'tasker-orchestration/src/orchestration/lifecycle/task_initialization/service.rs',
          plan.startMs,
          plan.initEndMs
        ),
      },
      events: [ev(plan.initEndMs - 0.5, 'task.initialized', { task_uuid: plan.taskUuid })],
    });
    sink.span({
      traceId,
      parent: root,
      name: 'create_task_from_request',
      service: orch,
      startMs: plan.startMs + 0.5,
      endMs: plan.initEndMs - 1,
      attributes: {
        task_request: taskRequest,
        ...codeAttrs(
          rng,
          `${ORCH_MODULE}::lifecycle::task_initialization`,
          'tasker-orchestration/src/orchestration/lifecycle/task_initialization/service.rs',
          plan.startMs,
          plan.initEndMs
        ),
      },
    });
    // log_task!(info, "Task initialized", task_uuid: Some(task_uuid), namespace: ns): inside the creation span.
    sink.log(
      plan.initEndMs,
      orch,
      'INFO',
      'Task initialized',
      macroFields(plan.initEndMs, 'Task initialized', { task_uuid: `Some(${plan.taskUuid})` }, { namespace: ns }),
      root
    );
  }

  // 2. One trace per enqueue pass (process_single_task_from_ready_info → enqueue_ready_steps → PGMQ sends).
  const passes = new Map<number, Array<{ stepUuid: string; stepName: string; enqueuedMs: number }>>();
  for (const step of plan.steps) {
    for (const a of step.attempts) {
      const list = passes.get(a.enqueueStartMs) ?? [];
      list.push({ stepUuid: step.stepUuid, stepName: step.stepName, enqueuedMs: a.enqueuedMs });
      passes.set(a.enqueueStartMs, list);
    }
  }
  for (const [startMs, inPass] of [...passes.entries()].sort((a, b) => a[0] - b[0])) {
    const endMs = inPass[0].enqueuedMs;
    const traceId = sink.newTraceId();
    const outer = sink.span({
      traceId,
      name: 'process_single_task_from_ready_info',
      service: orch,
      startMs: startMs - 0.5,
      endMs: endMs + 0.5,
      attributes: {
        task_uuid: plan.taskUuid,
        namespace: ns,
        ...codeAttrs(
          rng,
          `${ORCH_MODULE}::lifecycle::task_request_processor`,
          'tasker-orchestration/src/orchestration/lifecycle/task_request_processor.rs',
          startMs,
          endMs
        ),
      },
    });
    const enqueue = sink.span({
      traceId,
      parent: outer,
      name: 'enqueue_ready_steps',
      service: orch,
      startMs,
      endMs,
      attributes: {
        task_uuid: plan.taskUuid,
        ...codeAttrs(
          rng,
          `${ORCH_MODULE}::lifecycle::step_enqueuer_services`,
          'tasker-orchestration/src/orchestration/lifecycle/step_enqueuer.rs',
          startMs,
          endMs
        ),
      },
      events: [
        ev(startMs, 'task.enqueue_steps_started'),
        ev(endMs, 'task.enqueue_steps_completed', { steps_enqueued: inPass.length }),
      ],
    });
    const findEnd = startMs + (endMs - startMs) * 0.4;
    sink.span({
      traceId,
      parent: enqueue,
      name: 'find_viable_steps',
      service: orch,
      startMs,
      endMs: findEnd,
      attributes: {
        task_uuid: plan.taskUuid,
        ...codeAttrs(
          rng,
          `${ORCH_MODULE}::viable_step_discovery`,
          'tasker-orchestration/src/orchestration/viable_step_discovery.rs',
          startMs,
          findEnd
        ),
      },
    });
    const slice = (endMs - findEnd) / inPass.length;
    inPass.forEach((s, i) => {
      const a = findEnd + slice * i;
      sink.span({
        traceId,
        parent: enqueue,
        name: 'send_json_message',
        service: orch,
        startMs: a,
        endMs: a + slice * 0.9,
        attributes: {
          queue,
          ...codeAttrs(
            rng,
            'tasker_shared::messaging::clients::pgmq',
            'tasker-shared/src/messaging/pgmq.rs',
            a,
            a + slice * 0.9
          ),
        },
      });
    });
    // info!(count, queue = %queue, "Enqueued ready steps") inside enqueue_ready_steps: no task id of its own.
    sink.log(endMs, orch, 'INFO', 'Enqueued ready steps', { count: inPass.length, queue }, enqueue);
  }

  for (const step of plan.steps) {
    for (const a of step.attempts) {
      // 3. Worker: its own trace per step completion; the handler run itself has no span today.
      // log_step!(info, "step.execution_started", step_uuid: .., task_uuid: .., step_name: ..) while the handler
      // runs: no span is open there, so the record has no trace context, only the macro's Debug-formatted ids.
      sink.log(
        a.executionStartMs,
        worker,
        'INFO',
        'step.execution_started',
        macroFields(
          a.executionStartMs,
          'step.execution_started',
          { step_uuid: step.stepUuid, task_uuid: plan.taskUuid },
          { step_name: step.stepName }
        )
      );
      const wTrace = sink.newTraceId();
      const wStart = a.executionEndMs + 0.2;
      const wEnd = a.resultProcessedStartMs - 0.2;
      const received: SimSpan = sink.span({
        traceId: wTrace,
        name: 'worker.step_completion_received',
        service: worker,
        startMs: wStart,
        endMs: wEnd,
        // Plain strings, not OTel ids: the correlation_id and `span-<step_uuid>`.
        attributes: {
          trace_id: plan.correlationId,
          span_id: `span-${step.stepUuid}`,
          ...codeAttrs(
            rng,
            'tasker_worker::worker::step_claim',
            'tasker-worker/src/worker/command_processor.rs',
            wStart,
            wEnd
          ),
        },
        events: a.failed
          ? [ev(wStart, 'step.execution_failed', { level: 'ERROR', error: a.error ?? '' })]
          : [ev(wStart, 'step.execution_completed')],
        error: a.failed ? a.error : undefined,
      });
      // The completion is logged inside worker.step_completion_received: its trace context, its own fields only.
      if (a.failed) {
        sink.log(
          wStart,
          worker,
          'ERROR',
          'step.execution_failed',
          { error: a.error ?? '', attempt: a.attempt },
          received
        );
      } else {
        const ms = Math.round(a.executionEndMs - a.executionStartMs);
        sink.log(wStart, worker, 'INFO', 'step.execution_completed', { duration_ms: ms }, received);
      }
      const q = (wEnd - wStart) / 4;
      // These worker paths stamp a fresh random correlation_id of their own.
      sink.span({
        traceId: wTrace,
        parent: received,
        name: 'route_event',
        service: worker,
        startMs: wStart + q * 0.2,
        endMs: wStart + q,
        attributes: { correlation_id: uuidV4(rng), event_name: a.failed ? 'step.failed' : 'step.completed' },
      });
      const dispatch = sink.span({
        traceId: wTrace,
        parent: received,
        name: 'dispatch_events',
        service: worker,
        startMs: wStart + q,
        endMs: wStart + q * 2.5,
        attributes: { correlation_id: uuidV4(rng) },
      });
      sink.span({
        traceId: wTrace,
        parent: dispatch,
        name: 'publish',
        service: worker,
        startMs: wStart + q * 1.2,
        endMs: wStart + q * 2.2,
        attributes: { correlation_id: uuidV4(rng) },
      });
      sink.span({
        traceId: wTrace,
        parent: received,
        name: 'send_json_message',
        service: worker,
        startMs: wStart + q * 2.6,
        endMs: wEnd - q * 0.2,
        attributes: { queue: 'orchestration_step_results' },
      });

      // 4. Orchestration processes the result in yet another trace (only step_uuid on the span).
      const rTrace = sink.newTraceId();
      const stepResult = `StepExecutionResult { step_uuid: ${step.stepUuid}, success: ${!a.failed}, result: Object {}, status: "${a.failed ? 'error' : 'completed'}", error: ${a.failed ? `Some("${a.error}")` : 'None'} }`;
      const result = sink.span({
        traceId: rTrace,
        name: 'handle_step_execution_result',
        service: orch,
        startMs: a.resultProcessedStartMs,
        endMs: a.resultProcessedEndMs,
        attributes: {
          step_uuid: step.stepUuid,
          ...codeAttrs(
            rng,
            `${ORCH_MODULE}::lifecycle::result_processing`,
            'tasker-orchestration/src/orchestration/lifecycle/result_processing/service.rs',
            a.resultProcessedStartMs,
            a.resultProcessedEndMs
          ),
        },
        events: [
          ev(a.resultProcessedStartMs, 'step_result.processing_started'),
          ev(a.resultProcessedEndMs, 'step_result.processing_completed'),
        ],
      });
      const mid = (a.resultProcessedStartMs + a.resultProcessedEndMs) / 2;
      const withMeta = sink.span({
        traceId: rTrace,
        parent: result,
        name: 'handle_step_result_with_metadata',
        service: orch,
        startMs: a.resultProcessedStartMs + 0.3,
        endMs: mid,
        attributes: { step_uuid: step.stepUuid, step_result: stepResult },
      });
      sink.span({
        traceId: rTrace,
        parent: withMeta,
        name: 'process_decision_outcome',
        service: orch,
        startMs: a.resultProcessedStartMs + 0.5,
        endMs: mid - 0.2,
        attributes: { outcome: a.failed ? (a.backoff ? 'RetryScheduled' : 'PermanentFailure') : 'Completed' },
      });
      // Written inside handle_step_execution_result: the step_uuid is the span's field, not the event's.
      if (a.backoff) {
        const fields = {
          backoff_type: a.backoff.type,
          delay_seconds: a.backoff.delaySeconds,
          next_retry_at: isoTime(a.backoff.nextRetryAtMs),
        };
        sink.log(a.resultProcessedEndMs, orch, 'INFO', 'Applied backoff', fields, result);
      } else if (a.failed) {
        sink.log(a.resultProcessedEndMs, orch, 'ERROR', 'Step exhausted its retries', { attempts: a.attempt }, result);
      }
    }
  }

  // 5. Finalization: task_uuid and, later in its life, correlation_id.
  {
    const traceId = sink.newTraceId();
    const action = failedTask ? 'Failed' : 'Completed';
    const events = [
      ev(plan.finalizeStartMs, 'task.finalization_started'),
      ev(plan.endMs, 'task.finalization_completed', { action }),
    ];
    if (failedTask) {
      events.push(ev(plan.endMs, 'task.finalization_error', { level: 'ERROR', reason: 'steps in error' }));
    }
    const finalize = sink.span({
      traceId,
      name: 'finalize_task',
      service: orch,
      startMs: plan.finalizeStartMs,
      endMs: plan.endMs,
      attributes: {
        task_uuid: plan.taskUuid,
        correlation_id: plan.correlationId,
        ...codeAttrs(
          rng,
          `${ORCH_MODULE}::lifecycle::task_finalization`,
          'tasker-orchestration/src/orchestration/lifecycle/task_finalization/service.rs',
          plan.finalizeStartMs,
          plan.endMs
        ),
      },
      events,
      error: failedTask ? 'task finalized as error' : undefined,
    });
    sink.log(plan.endMs, orch, failedTask ? 'ERROR' : 'INFO', 'task.finalization_completed', { action }, finalize);
  }
}

/** PGMQ polling: many tiny root traces that belong to no task. */
export function emitPollingNoise(
  rng: Rng,
  sink: TelemetrySink,
  namespace: string,
  language: string,
  fromMs: number,
  toMs: number,
  count: number
): void {
  for (let i = 0; i < count; i++) {
    const at = rng.between(fromMs, Math.max(fromMs + 1, toMs));
    const worker = rng.chance(0.5);
    sink.span({
      traceId: sink.newTraceId(),
      name: 'read_messages',
      service: worker ? workerService(language) : ORCHESTRATION_SERVICE,
      startMs: at,
      endMs: at + rng.between(0.2, 2.5),
      attributes: { queue: worker ? `worker_${namespace}_queue` : 'orchestration_step_results', batch_size: 10 },
    });
  }
}
