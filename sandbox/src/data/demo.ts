// The generated demo: the same tasks on every run (fixed seed; ids embed a fixed clock), times ending at `nowMs`.
// serve.ts generates it once and serves it as JSON (the host only parses it); a host without serve.ts generates it.
import { ID_EPOCH_MS } from './builder';
import { workloadDemo } from './fromWorkload';
import { generateHostileTask } from './hostile';
import type { DemoData } from './model';
import { generateHistoryDemo } from './slowTask';

export const DEMO_SEED = 20261126;
export const DEMO_TASKS = 300;
export const DEMO_SPREAD_MS = 6 * 3600 * 1000;

/** The workload generator's tasks (both telemetry shapes) and the hostile task; the 100k-span task is the host's. */
export function generateDemoData(nowMs: number): DemoData {
  const workload = workloadDemo(DEMO_SEED, DEMO_TASKS, nowMs, DEMO_SPREAD_MS, ID_EPOCH_MS);
  const hostile = generateHostileTask(nowMs);
  // Typical runs of one task, one whose step took ten times its usual time, and a typical one (issue 14).
  const history = generateHistoryDemo(nowMs);
  return {
    spans: workload.spans.concat(hostile.spans, history.spans),
    logs: workload.logs.concat(hostile.logs, history.logs),
    // Listed first: helpers that pick "the newest documented task" keep picking a workload task.
    tasks: history.tasks.concat(workload.tasks, hostile.tasks),
  };
}

/** What serve.ts serves at /sandbox/demo.json: the demo and when it was generated. */
export interface ServedDemo extends DemoData {
  generatedAtMs: number;
}
