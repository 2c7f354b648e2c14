import type { AttrValue, DemoData, DemoTaskInfo, StoredLog, StoredSpan } from './model';

/** What `npm run workload -- --out <dir>` writes, as the host fetches it (see workload/src/fixtures.ts). */
export interface GeneratorFixtures {
  traceFrames: Array<{ fields: Array<{ name: string; values: unknown[] }> }>;
  logRows: Array<{ labels: Record<string, string>; timeMs: number; line: string }>;
  tasks?: {
    tasks: Array<{
      shape: string;
      correlationId: string;
      taskUuid: string;
      namespace: string;
      taskName: string;
      state: string;
    }>;
  };
}

const INDEXED = new Set(['service_name', 'deployment_environment']);

type KV = Array<{ key: string; value: AttrValue }>;
const toRecord = (kv: unknown): Record<string, AttrValue> =>
  Object.fromEntries(((kv as KV | undefined) ?? []).map((x) => [x.key, x.value]));

/** Trace frames (Tempo's shape) back into stored spans, and log rows into streams + structured metadata. */
export function fixturesToDemoData(f: GeneratorFixtures): DemoData {
  const spans: StoredSpan[] = [];
  for (const frame of f.traceFrames) {
    const col = (name: string) => frame.fields.find((x) => x.name === name)?.values ?? [];
    const ids = col('spanID');
    for (let i = 0; i < ids.length; i++) {
      const logs = (col('logs')[i] as Array<{ timestamp: number; name?: string; fields: KV }> | undefined) ?? [];
      spans.push({
        traceId: String(col('traceID')[i]),
        spanId: String(ids[i]),
        parentSpanId: String(col('parentSpanID')[i] ?? ''),
        name: String(col('operationName')[i]),
        kind: String(col('kind')[i] ?? 'internal'),
        statusCode: (Number(col('statusCode')[i] ?? 0) as 0 | 1 | 2) || 0,
        statusMessage: String(col('statusMessage')[i] ?? ''),
        startMs: Number(col('startTime')[i]),
        durationMs: Number(col('duration')[i]),
        attrs: toRecord(col('tags')[i]),
        resource: { 'service.name': String(col('serviceName')[i]), ...toRecord(col('serviceTags')[i]) },
        events: logs.map((l) => ({ timeMs: l.timestamp, name: l.name ?? '', attrs: toRecord(l.fields) })),
        scopeName: String(col('instrumentationLibraryName')[i] ?? ''),
      });
    }
  }
  const logs: StoredLog[] = f.logRows.map((r) => {
    const stream: Record<string, string> = {};
    const metadata: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.labels)) {
      (INDEXED.has(k) ? stream : metadata)[k] = v;
    }
    return { timeMs: r.timeMs, line: r.line, stream, metadata };
  });
  const tasks: DemoTaskInfo[] = (f.tasks?.tasks ?? []).map((t) => ({
    correlationId: t.correlationId,
    taskUuid: t.taskUuid,
    namespace: t.namespace,
    taskName: t.taskName,
    shape: t.shape === 'tasker-core' ? 'tasker-core' : 'documented',
    spanCount: spans.filter((s) => s.attrs.task_uuid === t.taskUuid || s.attrs.correlation_id === t.correlationId)
      .length,
    error: t.state === 'error',
  }));
  return { spans, logs, tasks };
}
