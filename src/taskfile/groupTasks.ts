import { workerStepUuid, WORKER_STEP_KEY } from '../flow/workerStep';
import type { SpanRecord } from './types';
import { IdUnion } from '../flow/idUnion';

/** The spans of one task found in a file (or in a set of traces), ordered as they came. */
export interface TaskSpans {
  spans: SpanRecord[];
  traceIds: string[];
  startMs: number;
}

const WORKER_CORRELATION_KEY = 'trace_id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : undefined;
}

/**
 * The task ids a span carries: task_uuid, correlation_id, step_uuid, and tasker-core's worker attributes
 * `trace_id` = correlation_id and `span_id` = span-<step_uuid>.
 */
function idsOf(span: SpanRecord): { keys: string[]; taskUuid?: string } {
  const keys: string[] = [];
  let taskUuid: string | undefined;
  for (const { key, value } of span.attributes) {
    const v = text(value);
    if (v === undefined) {
      continue;
    }
    if (key === 'task_uuid') {
      taskUuid = v;
      keys.push(`t:${v}`);
    } else if (key === 'correlation_id') {
      keys.push(`c:${v}`);
    } else if (key === 'step_uuid') {
      keys.push(`s:${v}`);
    } else if (key === WORKER_CORRELATION_KEY && UUID.test(v)) {
      // tasker-core's worker spans: a plain string attribute `trace_id` holding the task's correlation_id.
      keys.push(`c:${v}`);
    } else if (key === WORKER_STEP_KEY) {
      const step = workerStepUuid(value);
      if (step) {
        keys.push(`s:${step.toLowerCase()}`);
      }
    }
  }
  return { keys, taskUuid };
}

/**
 * Splits spans into tasks. Spans that share a task_uuid, correlation_id or step_uuid are one task (tasker-core ties
 * its scattered traces only by these). A trace joins its spans' task as a whole, unless it holds spans of two
 * different task_uuids; spans without ids then follow their parent. Spans of traces with no ids at all make one
 * task per trace (the guide's one-trace-per-task shape without attributes).
 */
export function groupTasks(spans: readonly SpanRecord[]): TaskSpans[] {
  const uf = new IdUnion();
  const ids = spans.map(idsOf);
  ids.forEach(({ keys }) => {
    for (let k = 1; k < keys.length; k++) {
      uf.union(keys[0], keys[k]);
    }
  });

  const byTrace = new Map<string, number[]>();
  spans.forEach((s, i) => {
    const list = byTrace.get(s.traceId) ?? [];
    list.push(i);
    byTrace.set(s.traceId, list);
  });

  // Which task_uuids each group holds, to keep a trace from merging two tasks.
  const taskUuidsOf = new Map<string, Set<string>>();
  ids.forEach(({ keys, taskUuid }) => {
    if (taskUuid) {
      const root = uf.find(keys[0]);
      const set = taskUuidsOf.get(root) ?? new Set<string>();
      set.add(taskUuid);
      taskUuidsOf.set(root, set);
    }
  });

  const groupOf = new Array<string | undefined>(spans.length);
  for (const [traceId, members] of byTrace) {
    const roots = new Set<string>();
    for (const i of members) {
      if (ids[i].keys.length > 0) {
        roots.add(uf.find(ids[i].keys[0]));
      }
    }
    const uuids = new Set<string>();
    for (const r of roots) {
      for (const u of taskUuidsOf.get(r) ?? []) {
        uuids.add(u);
      }
    }
    if (uuids.size <= 1) {
      const traceKey = `r:${traceId}`;
      for (const r of roots) {
        uf.union(traceKey, r);
      }
      for (const i of members) {
        groupOf[i] = traceKey;
      }
      continue;
    }
    // A trace across tasks: spans with ids go to theirs, the others to their nearest ancestor's.
    const indexById = new Map(members.map((i) => [spans[i].spanId, i]));
    for (const i of members) {
      let cur: number | undefined = i;
      for (let hops = 0; cur !== undefined && ids[cur].keys.length === 0 && hops < members.length; hops++) {
        cur = indexById.get(spans[cur].parentSpanId);
      }
      groupOf[i] = cur !== undefined && ids[cur].keys.length > 0 ? ids[cur].keys[0] : `r:${traceId}`;
    }
  }

  const groups = new Map<string, TaskSpans & { traces: Set<string> }>();
  spans.forEach((s, i) => {
    const root = uf.find(groupOf[i] ?? `r:${s.traceId}`);
    let g = groups.get(root);
    if (!g) {
      g = { spans: [], traceIds: [], startMs: Infinity, traces: new Set() };
      groups.set(root, g);
    }
    g.spans.push(s);
    if (!g.traces.has(s.traceId)) {
      g.traces.add(s.traceId);
      g.traceIds.push(s.traceId);
    }
    g.startMs = Math.min(g.startMs, s.startMs);
  });
  return [...groups.values()]
    .map(({ spans: list, traceIds, startMs }) => ({ spans: list, traceIds, startMs }))
    .sort((a, b) => a.startMs - b.startMs);
}
