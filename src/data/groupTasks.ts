import type { PhaseRule } from '../flow/types';
import type { SearchSpan, SearchTrace } from './searchFrames';
import type { TaskRow } from './taskRow';
import { IdUnion } from '../flow/idUnion';

function idNodes(s: SearchSpan): string[] {
  const nodes: string[] = [];
  if (s.taskUuid) {
    nodes.push(`t:${s.taskUuid}`);
  }
  if (s.correlationId) {
    nodes.push(`c:${s.correlationId}`);
  }
  if (s.stepUuid) {
    nodes.push(`s:${s.stepUuid}`);
  }
  return nodes;
}

/** True when the span's name falls under a finalization rule (the task reached its end). */
export function isFinalizationName(name: string | undefined, rules: readonly PhaseRule[]): boolean {
  if (!name) {
    return false;
  }
  for (const rule of rules) {
    let matches = rule.names?.includes(name) ?? false;
    if (!matches && rule.pattern) {
      try {
        matches = new RegExp(rule.pattern).test(name);
      } catch {
        matches = false;
      }
    }
    if (matches) {
      // First matching rule wins, as in the flow model.
      return rule.phase === 'finalization';
    }
  }
  return false;
}

interface Acc {
  taskUuids: Map<string, number>;
  correlation?: { id: string; at: number; anchored: boolean };
  namespaces: Map<string, number>;
  taskName?: string;
  startMs: number;
  endMs: number;
  error: boolean;
  ok: boolean;
  traceStarts: Map<string, number>;
  spanKeys: Set<string>;
  services: Set<string>;
}

function bump(m: Map<string, number>, k: string | undefined) {
  if (k) {
    m.set(k, (m.get(k) ?? 0) + 1);
  }
}

function mostFrequent(m: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestN = 0;
  for (const [k, n] of m) {
    if (n > bestN || (n === bestN && best !== undefined && k < best)) {
      best = k;
      bestN = n;
    }
  }
  return best;
}

/**
 * Folds search spans into one row per task. Tasker's spans are spread over many traces and carry different
 * subsets of the ids (the creation span only correlation_id, enqueue/finalize task_uuid, result handling only
 * step_uuid), so ids seen together on one span are joined, and a trace whose spans name exactly one task_uuid
 * (or, lacking any, one correlation_id) belongs to that task as a whole. Groups with neither id are dropped.
 */
export function groupTasks(
  spans: readonly SearchSpan[],
  traces: readonly SearchTrace[],
  phaseRules: readonly PhaseRule[] = []
): TaskRow[] {
  const union = new IdUnion();
  const byTrace = new Map<string, SearchSpan[]>();
  for (const s of spans) {
    const nodes = idNodes(s);
    for (let i = 1; i < nodes.length; i++) {
      union.union(nodes[0], nodes[i]);
    }
    const list = byTrace.get(s.traceId);
    if (list) {
      list.push(s);
    } else {
      byTrace.set(s.traceId, [s]);
    }
  }
  // Trace-level joins: only when the trace is unambiguous, so a trace shared by many tasks (a polling loop)
  // cannot merge them.
  const traceOwner = new Map<string, string>();
  for (const [traceId, list] of byTrace) {
    const tasks = new Set(list.map((s) => s.taskUuid).filter(Boolean));
    const corrs = new Set(list.map((s) => s.correlationId).filter(Boolean));
    let owner: string | undefined;
    if (tasks.size === 1) {
      owner = `t:${[...tasks][0]}`;
    } else if (tasks.size === 0 && corrs.size === 1) {
      owner = `c:${[...corrs][0]}`;
    }
    if (owner) {
      traceOwner.set(traceId, owner);
      for (const s of list) {
        for (const node of idNodes(s)) {
          union.union(owner, node);
        }
      }
    }
  }

  const traceInfo = new Map(traces.map((t) => [t.traceId, t]));
  const groups = new Map<string, Acc>();
  for (const s of spans) {
    const nodes = idNodes(s);
    const anchor = nodes[0] ?? traceOwner.get(s.traceId);
    if (!anchor) {
      continue;
    }
    const root = union.find(anchor);
    let g = groups.get(root);
    if (!g) {
      g = {
        taskUuids: new Map(),
        namespaces: new Map(),
        startMs: Infinity,
        endMs: -Infinity,
        error: false,
        ok: false,
        traceStarts: new Map(),
        spanKeys: new Set(),
        services: new Set(),
      };
      groups.set(root, g);
    }
    bump(g.taskUuids, s.taskUuid);
    bump(g.namespaces, s.namespace);
    g.taskName ??= s.taskName;
    const trace = traceInfo.get(s.traceId);
    const spanStart = s.startMs ?? s.traceStartMs ?? trace?.startMs;
    // The task's own correlation_id is on its creation span (with the task name) and on finalize_task; several
    // worker spans carry a fresh random one. Prefer those anchors, then the earliest.
    if (s.correlationId) {
      const at = spanStart ?? Infinity;
      const anchored = Boolean(s.taskName) || isFinalizationName(s.name, phaseRules);
      const held = g.correlation;
      if (!held || (anchored && !held.anchored) || (anchored === held.anchored && at < held.at)) {
        g.correlation = { id: s.correlationId, at, anchored };
      }
    }
    const windows: Array<[number | undefined, number | undefined]> = [
      [s.startMs, s.durationMs],
      [s.traceStartMs ?? trace?.startMs, s.traceDurationMs ?? trace?.durationMs],
    ];
    for (const [start, dur] of windows) {
      if (start !== undefined) {
        g.startMs = Math.min(g.startMs, start);
        g.endMs = Math.max(g.endMs, start + Math.max(0, dur ?? 0));
      }
    }
    const traceStart = s.traceStartMs ?? trace?.startMs ?? s.startMs ?? Infinity;
    g.traceStarts.set(s.traceId, Math.min(g.traceStarts.get(s.traceId) ?? Infinity, traceStart));
    g.spanKeys.add(`${s.traceId}/${s.spanId ?? g.spanKeys.size}`);
    if (s.service) {
      g.services.add(s.service);
    }
    if (s.status === 'error') {
      g.error = true;
    } else if (s.status === 'ok' || isFinalizationName(s.name, phaseRules)) {
      g.ok = true;
    }
  }

  const rows: TaskRow[] = [];
  for (const g of groups.values()) {
    const taskUuid = mostFrequent(g.taskUuids);
    const correlationId = g.correlation?.id;
    const key = taskUuid ?? correlationId;
    // A group known only by a correlation_id, with no task_uuid and no task name, is no task: several tasker-core
    // worker paths stamp a fresh random correlation_id on their spans. (A creation span carries the task name.)
    if (!key || (!taskUuid && !g.taskName)) {
      continue;
    }
    const startMs = Number.isFinite(g.startMs) ? g.startMs : 0;
    const endMs = Number.isFinite(g.endMs) ? g.endMs : startMs;
    const traceIds = [...g.traceStarts.entries()]
      .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
      .map(([id]) => id);
    rows.push({
      key,
      correlationId,
      taskUuid,
      namespace: mostFrequent(g.namespaces),
      taskName: g.taskName,
      startMs,
      durationMs: Math.max(0, endMs - startMs),
      status: g.error ? 'error' : g.ok ? 'ok' : 'unset',
      traceCount: traceIds.length,
      spanCount: g.spanKeys.size,
      traceIds,
      services: [...g.services].sort(),
    });
  }
  // Newest first, as Tempo lists traces.
  rows.sort((a, b) => b.startMs - a.startMs || (a.key < b.key ? -1 : 1));
  return rows;
}
