// Simulated Tasker telemetry: tasks in several namespaces as spans and log records, in the documented shape or in
// the shape tasker-core emits today. Pure, seeded and browser-safe (no node built-ins, no OpenTelemetry): the same
// options give the same tasks, ids and timestamps.
import type { Shape, SimBatch, SimSpan, SimTask } from './model';
import { TelemetrySink } from './emit';
import { createRng, type Rng } from './random';
import { planTask } from './schedule';
import { emitDocumented, workerService } from './shape-documented';
import { emitPollingNoise, emitTaskerCore } from './shape-tasker-core';
import { NAMESPACES, workflowFor } from './workflows';

export type ShapeOption = Shape | 'both';

export interface SimulateOptions {
  seed: number;
  /** Tasks to simulate. */
  count: number;
  /** 'both' alternates documented and tasker-core, starting with documented. */
  shape: ShapeOption;
  /** Epoch ms of the first task's start. */
  startMs: number;
  /** Mean gap between task starts (default 2000 ms). */
  intervalMs?: number;
  /** Restrict to these namespaces (default: all). */
  namespaces?: readonly string[];
  failureRate?: number;
  slowRate?: number;
  /** PGMQ polling roots and the domain event loop for tasker-core tasks (default true). */
  noise?: boolean;
}

export function shapeOf(option: ShapeOption, index: number): Shape {
  if (option === 'both') {
    return index % 2 === 0 ? 'documented' : 'tasker-core';
  }
  return option;
}

export function simulateTask(
  rng: Rng,
  shape: Shape,
  namespace: string,
  startMs: number,
  options: Pick<SimulateOptions, 'failureRate' | 'slowRate'> = {}
): SimTask {
  const plan = planTask(rng, { namespace, startMs, failureRate: options.failureRate, slowRate: options.slowRate });
  const sink = new TelemetrySink(rng);
  if (shape === 'documented') {
    emitDocumented(plan, sink);
  } else {
    emitTaskerCore(plan, sink, rng);
  }
  const traceIds: string[] = [];
  for (const s of sink.spans) {
    if (!traceIds.includes(s.traceId)) {
      traceIds.push(s.traceId);
    }
  }
  return {
    shape,
    correlationId: plan.correlationId,
    taskUuid: plan.taskUuid,
    namespace,
    taskName: plan.template.taskName,
    version: plan.template.version,
    startMs: plan.startMs,
    endMs: plan.endMs,
    state: plan.state,
    steps: plan.steps,
    spans: sink.spans,
    logs: sink.logs.sort((a, b) => a.timeMs - b.timeMs),
    traceIds,
  };
}

export function simulate(options: SimulateOptions): SimBatch {
  if (!Number.isFinite(options.seed)) {
    throw new Error('simulate: seed must be a finite number');
  }
  if (!Number.isInteger(options.count) || options.count < 0) {
    throw new Error('simulate: count must be a non-negative integer');
  }
  if (!Number.isFinite(options.startMs)) {
    throw new Error('simulate: startMs must be epoch milliseconds');
  }
  const namespaces = options.namespaces?.length ? options.namespaces : NAMESPACES;
  namespaces.forEach((ns) => workflowFor(ns));
  const interval = options.intervalMs ?? 2000;
  const master = createRng(options.seed);
  const tasks: SimTask[] = [];
  const noiseSink = new TelemetrySink(createRng(options.seed ^ 0x5eed));
  for (let i = 0; i < options.count; i++) {
    // Each task draws from its own stream, so a task does not change when noise or other tasks change.
    const taskRng = createRng(master.int(0, 0xffffffff));
    const startMs = options.startMs + i * interval + master.between(0, interval * 0.5);
    const namespace = master.pick(namespaces);
    // Drawn whether or not noise is wanted, so turning noise off changes no task.
    const noiseSeed = master.int(0, 0xffffffff);
    const task = simulateTask(taskRng, shapeOf(options.shape, i), namespace, startMs, options);
    tasks.push(task);
    if (options.noise !== false && task.shape === 'tasker-core') {
      const language = task.steps[0]?.handler.language ?? 'rust';
      emitPollingNoise(createRng(noiseSeed), noiseSink, namespace, language, task.startMs, task.endMs, 4);
    }
  }
  const noise: SimSpan[] = [...noiseSink.spans];
  const core = tasks.filter((t) => t.shape === 'tasker-core');
  if (options.noise !== false && core.length > 0) {
    const from = Math.min(...core.map((t) => t.startMs));
    const to = Math.max(...core.map((t) => t.endMs));
    const languages = [...new Set(core.map((t) => t.steps[0]?.handler.language ?? 'rust'))].sort();
    for (const language of languages) {
      // One long-lived span per worker process: not part of any task.
      noise.push(
        noiseSink.span({
          traceId: noiseSink.newTraceId(),
          name: 'domain_event_system_loop',
          service: workerService(language),
          startMs: from,
          endMs: to,
          attributes: { 'thread.name': 'domain-events' },
        })
      );
    }
  }
  return { seed: options.seed, tasks, noise };
}
