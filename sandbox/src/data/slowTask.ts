// "Is this task slow?" (issue 14): a workflow of its own in the demo, with typical runs, one run whose step took ten
// times its usual time, and one typical run to open. The workload's own tasks also hold slow steps (5% of them,
// 8-25 s), which is realistic but makes their p95 depend on chance; these runs make the check deterministic.
import type { SimTask } from '../../../workload/src/model';
import { createRng } from '../../../workload/src/random';
import { simulateTask } from '../../../workload/src/simulate';
import { batchToDemoData } from './fromWorkload';
import type { DemoData } from './model';

/** The workload's linear template under names of its own, so only these runs make its history. */
const SOURCE = { namespace: 'linear_workflow', taskName: 'mathematical_sequence', step: 'linear_step_' };
const RENAMES: Array<[string, string]> = [
  [SOURCE.namespace, 'reporting'],
  [SOURCE.taskName, 'monthly_report'],
  [SOURCE.step, 'report_step_'],
  ['LinearWorkflow', 'Reporting'],
  ['LinearStep', 'ReportStep'],
];

export const SLOW_TASK = {
  correlationId: '5105a0e1-7a5c-4c1d-9e10-00000000510a',
  namespace: 'reporting',
  taskName: 'monthly_report',
  stepName: 'report_step_2',
  /** The step's handler ran this many times the usual handler time (the workload's median, ~310 ms). */
  factor: 10,
  usualHandlerMs: 310,
};

/** A run of the same task with nothing unusual: the browser test checks that it is not called out. */
export const TYPICAL_TASK = {
  correlationId: '5105a0e1-7a5c-4c1d-9e10-0000000071ca',
};

/** Typical runs of the task over the demo's six hours: its history. */
export const PEER_RUNS = 24;

function rename(text: string): string {
  let out = text;
  for (const [from, to] of RENAMES) {
    out = out.split(from).join(to);
  }
  return out;
}

/**
 * Moves everything after `cutoffMs` later by `deltaMs`, and stretches what spans across it, as if the work at the
 * cutoff had taken that much longer.
 */
function stretch(task: SimTask, cutoffMs: number, deltaMs: number): void {
  const at = (t: number) => (t >= cutoffMs ? t + deltaMs : t);
  for (const s of task.spans) {
    const end = s.startMs + s.durationMs;
    if (s.startMs >= cutoffMs) {
      s.startMs += deltaMs;
    } else if (end >= cutoffMs) {
      s.durationMs += deltaMs;
    }
    for (const e of s.events) {
      e.timeMs = at(e.timeMs);
    }
  }
  for (const l of task.logs) {
    l.timeMs = at(l.timeMs);
  }
  task.endMs += deltaMs;
}

interface RunOptions {
  seed: number;
  startMs: number;
  /** A recognisable correlation_id (the browser test and the README name these runs). */
  correlationId?: string;
  /** The second step's handler time, ms (undefined: as generated, 20-600 ms). */
  handlerMs?: number;
  /**
   * Every step picked up at once: the first seed from `seed` on whose steps waited under 300 ms in the queue (one
   * step in ten meets a 1-6 s backlog in the workload, which makes a run slower than usual).
   */
  quickPickup?: boolean;
}

const QUICK_PICKUP_MS = 300;

/** One documented-shape, successful run of the task. */
function run(o: RunOptions): SimTask {
  const simulate = (seed: number) =>
    simulateTask(createRng(seed), 'documented', SOURCE.namespace, o.startMs, { failureRate: 0, slowRate: 0 });
  let seed = o.seed;
  let task = simulate(seed);
  while (
    o.quickPickup &&
    task.steps.some((s) => s.attempts.some((a) => a.claimedMs - a.enqueuedMs >= QUICK_PICKUP_MS))
  ) {
    task = simulate(++seed);
  }
  const stepName = `${SOURCE.step}2`;
  const handler = task.spans.find((s) => s.name === 'handler_execution' && s.attributes.step_name === stepName);
  if (!handler) {
    throw new Error(`the demo task has no handler_execution span for ${stepName}`);
  }
  if (o.handlerMs !== undefined) {
    stretch(task, handler.startMs + handler.durationMs, o.handlerMs - handler.durationMs);
  }
  const correlationId = o.correlationId ?? task.correlationId;
  const value = (v: string | number | boolean) =>
    typeof v !== 'string' ? v : v === task.correlationId ? correlationId : rename(v);
  for (const s of task.spans) {
    for (const [k, v] of Object.entries(s.attributes)) {
      s.attributes[k] = value(v);
    }
  }
  for (const l of task.logs) {
    for (const [k, v] of Object.entries(l.attributes)) {
      l.attributes[k] = value(v);
    }
    l.body = rename(l.body.split(task.correlationId).join(correlationId));
  }
  task.correlationId = correlationId;
  task.namespace = SLOW_TASK.namespace;
  task.taskName = SLOW_TASK.taskName;
  return task;
}

/**
 * The task's runs: `PEER_RUNS` typical ones spread over the six hours before `nowMs`, the slow one (its second
 * step's handler took 10× the usual) 30 minutes ago, and a typical one 35 minutes ago.
 */
export function generateHistoryDemo(nowMs: number): DemoData {
  const spread = 6 * 3600_000;
  const tasks: SimTask[] = [
    run({
      seed: 14,
      startMs: nowMs - 30 * 60_000,
      correlationId: SLOW_TASK.correlationId,
      handlerMs: SLOW_TASK.usualHandlerMs * SLOW_TASK.factor,
      quickPickup: true,
    }),
    run({
      seed: 15,
      startMs: nowMs - 35 * 60_000,
      correlationId: TYPICAL_TASK.correlationId,
      handlerMs: SLOW_TASK.usualHandlerMs,
      quickPickup: true,
    }),
  ];
  for (let i = 0; i < PEER_RUNS; i++) {
    // Offset by 7 minutes so no peer starts with the slow or the typical run.
    tasks.push(run({ seed: 1400 + i, startMs: nowMs - spread + (i * spread) / PEER_RUNS + 7 * 60_000 }));
  }
  return batchToDemoData({ seed: 14, tasks, noise: [] }, 0);
}
