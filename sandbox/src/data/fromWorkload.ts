import { logRow } from '../../../workload/src/frames';
import type { SimBatch, SimSpan } from '../../../workload/src/model';
import { resourceAttributes } from '../../../workload/src/resource';
import { simulate } from '../../../workload/src/simulate';
import type { DemoData, DemoTaskInfo, StoredLog, StoredSpan } from './model';

/** Loki's default OTLP index labels among the ones the generator sets; the rest is structured metadata. */
const INDEXED = new Set(['service_name', 'deployment_environment']);
const STATUS = { unset: 0, ok: 1, error: 2 } as const;

function toStored(s: SimSpan, shiftMs: number): StoredSpan {
  return {
    traceId: s.traceId,
    spanId: s.spanId,
    parentSpanId: s.parentSpanId ?? '',
    name: s.name,
    kind: s.kind,
    statusCode: STATUS[s.status.code],
    statusMessage: s.status.message ?? '',
    startMs: s.startMs + shiftMs,
    durationMs: s.durationMs,
    attrs: s.attributes,
    resource: resourceAttributes(s.service),
    events: s.events.map((e) => ({ timeMs: e.timeMs + shiftMs, name: e.name, attrs: e.attributes })),
    scopeName: 'tasker-core',
  };
}

/** The workload generator's batch as the stand-ins hold it, every time moved by `shiftMs`. */
export function batchToDemoData(batch: SimBatch, shiftMs: number): DemoData {
  const spans: StoredSpan[] = [];
  const logs: StoredLog[] = [];
  const tasks: DemoTaskInfo[] = [];
  let logIndex = 0;
  for (const t of batch.tasks) {
    for (const s of t.spans) {
      spans.push(toStored(s, shiftMs));
    }
    for (const r of t.logs) {
      const row = logRow({ ...r, timeMs: r.timeMs + shiftMs }, logIndex++);
      const stream: Record<string, string> = {};
      const metadata: Record<string, string> = {};
      for (const [k, v] of Object.entries(row.labels)) {
        (INDEXED.has(k) ? stream : metadata)[k] = v;
      }
      logs.push({ timeMs: row.timeMs, line: row.line, stream, metadata });
    }
    tasks.push({
      correlationId: t.correlationId,
      taskUuid: t.taskUuid,
      namespace: t.namespace,
      taskName: t.taskName,
      shape: t.shape,
      spanCount: t.spans.length,
      error: t.state === 'error',
    });
  }
  for (const s of batch.noise) {
    spans.push(toStored(s, shiftMs));
  }
  return { spans, logs, tasks };
}

/**
 * Simulates on a fixed clock (so ids, which embed time in UUID v7, are the same on every load and a shared URL
 * keeps working), then moves the telemetry so the newest task ends a minute before `nowMs`.
 */
export function workloadDemo(seed: number, count: number, nowMs: number, spreadMs: number, epochMs: number): DemoData {
  const batch = simulate({ seed, count, shape: 'both', startMs: epochMs, intervalMs: spreadMs / count });
  const lastEnd = Math.max(...batch.tasks.map((t) => t.endMs));
  return batchToDemoData(batch, nowMs - 60_000 - lastEnd);
}
