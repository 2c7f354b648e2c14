import { PHASES, type Phase, type TaskFlow } from '../src/flow/types';
import { percentile } from './percentile';

/** p50 and p95 of a figure, ms, and how many values they come from. */
export interface Stat {
  p50: number;
  p95: number;
  samples: number;
}

export interface TaskGroupFigures {
  namespace: string;
  taskName: string;
  tasks: number;
  wallMs: Stat;
  /** Self time per phase (phases no task spent time in are left out). */
  phases: Partial<Record<Phase, Stat>>;
  /** Per step name: execution time and queue wait (p95 is what the comparison reads). */
  steps: Record<string, { executionMs?: Stat; queueWaitMs?: Stat }>;
}

export const NONE = '(none)';

function stat(values: number[]): Stat | undefined {
  if (values.length === 0) {
    return undefined;
  }
  return { p50: percentile(values, 0.5)!, p95: percentile(values, 0.95)!, samples: values.length };
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

function round(stat: Stat): Stat {
  const r = (n: number) => Math.round(n * 1000) / 1000;
  return { p50: r(stat.p50), p95: r(stat.p95), samples: stat.samples };
}

/** Figures per namespace and task name, groups sorted by namespace then task name. */
export function computeFigures(flows: readonly TaskFlow[]): TaskGroupFigures[] {
  const groups = new Map<string, TaskFlow[]>();
  for (const flow of flows) {
    const key = JSON.stringify([flow.namespace ?? NONE, flow.taskName ?? NONE]);
    const list = groups.get(key) ?? [];
    list.push(flow);
    groups.set(key, list);
  }
  const out: TaskGroupFigures[] = [];
  for (const [key, list] of groups) {
    const [namespace, taskName] = JSON.parse(key) as [string, string];
    const phases: TaskGroupFigures['phases'] = {};
    for (const phase of PHASES) {
      const values = list.map((f) => f.phaseTotals[phase] ?? 0);
      if (values.some((v) => v > 0)) {
        phases[phase] = round(stat(values)!);
      }
    }
    const execution = new Map<string, number[]>();
    const queue = new Map<string, number[]>();
    for (const flow of list) {
      for (const step of flow.steps) {
        const name = step.stepName ?? NONE;
        if (step.executionMs !== undefined) {
          push(execution, name, step.executionMs);
        }
        if (step.queueWaitMs !== undefined) {
          push(queue, name, step.queueWaitMs);
        }
      }
    }
    const steps: TaskGroupFigures['steps'] = {};
    for (const name of [...new Set([...execution.keys(), ...queue.keys()])].sort()) {
      const e = stat(execution.get(name) ?? []);
      const q = stat(queue.get(name) ?? []);
      steps[name] = { ...(e && { executionMs: round(e) }), ...(q && { queueWaitMs: round(q) }) };
    }
    out.push({
      namespace,
      taskName,
      tasks: list.length,
      wallMs: round(stat(list.map((f) => f.durationMs))!),
      phases,
      steps,
    });
  }
  return out.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.taskName.localeCompare(b.taskName));
}
