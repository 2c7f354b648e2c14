import http from 'node:http';
import https from 'node:https';
import { buildStepSpansTraceQL, buildTaskListTraceQL, buildTaskSpansTraceQL, type TaskFilter } from '../src/query';
import { readOtlp, type SpanRecord } from '../src/taskfile';
import { InputError } from './errors';

// Tempo's HTTP API as of v3.0.3 (pkg/api/http.go): GET /api/search with q, start and end (unix seconds), limit and
// spss; GET /api/v2/traces/<id> answers {trace: {resourceSpans}} (protobuf JSON: base64 ids, enum names).

export interface TempoQuery {
  url: string;
  fromS: number;
  toS: number;
  /** Traces per search at most. */
  limit: number;
  namespace: string[];
  taskName?: string;
}

const SPANS_PER_SPANSET = 100;
const STEP_IDS_PER_QUERY = 25;
const MAX_SEARCH_ROUNDS = 3;
const TRACE_FETCHES_AT_ONCE = 4;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WORKER_STEP = /^span-([0-9a-f-]{36})$/i;

type Json = Record<string, unknown>;

/** GET a URL's body with node:http(s) (no fetch: the command runs on Node 20 and inside Jest's jsdom alike). */
function get(url: string, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const client = url.startsWith('https:') ? https : http;
    const req = client.get(url, { headers: { Accept: 'application/json' }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on('error', reject);
  });
}

async function getJson(url: string, timeoutMs = 30_000): Promise<unknown | undefined> {
  let response: { status: number; body: string };
  try {
    response = await get(url, timeoutMs);
  } catch (e) {
    throw new InputError(`Tempo at ${url} is unreachable (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (response.status === 404) {
    return undefined;
  }
  if (response.status < 200 || response.status >= 300) {
    throw new InputError(`Tempo at ${url} answered ${response.status}: ${response.body.slice(0, 300).trim()}`);
  }
  try {
    return JSON.parse(response.body);
  } catch {
    throw new InputError(`Tempo at ${url} answered something that is not JSON: ${response.body.slice(0, 120).trim()}`);
  }
}

interface Found {
  traces: Map<string, { startS: number; endS: number }>;
  taskUuids: Set<string>;
  correlationIds: Set<string>;
  stepUuids: Set<string>;
}

/** Reads a search answer: trace ids with their time, and the task and step ids the selected attributes carry. */
function collect(answer: unknown, found: Found): void {
  const traces = (answer as Json | undefined)?.traces;
  if (!Array.isArray(traces)) {
    return;
  }
  for (const t of traces as Json[]) {
    if (typeof t.traceID !== 'string') {
      continue;
    }
    const startS = Math.floor(Number(t.startTimeUnixNano ?? 0) / 1e9);
    const endS = startS + Math.ceil(Number(t.durationMs ?? 0) / 1000) + 1;
    found.traces.set(t.traceID, { startS, endS });
    const sets = Array.isArray(t.spanSets) ? t.spanSets : t.spanSet ? [t.spanSet] : [];
    for (const set of sets as Json[]) {
      for (const span of (Array.isArray(set?.spans) ? set.spans : []) as Json[]) {
        for (const a of (Array.isArray(span.attributes) ? span.attributes : []) as Json[]) {
          const value = (a.value as Json | undefined)?.stringValue;
          if (typeof a.key !== 'string' || typeof value !== 'string') {
            continue;
          }
          if (a.key === 'task_uuid' && UUID.test(value)) {
            found.taskUuids.add(value);
          } else if (a.key === 'correlation_id' && UUID.test(value)) {
            found.correlationIds.add(value);
          } else if (a.key === 'step_uuid' && UUID.test(value)) {
            found.stepUuids.add(value);
          } else if (a.key === 'span_id' && WORKER_STEP.test(value)) {
            found.stepUuids.add(WORKER_STEP.exec(value)![1]);
          }
        }
      }
    }
  }
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/**
 * Every span of the tasks that ran in the range: a search for the spans that name a task (narrowed by namespace and
 * task name), then searches by the task and step ids found (tasker-core ties its scattered traces only by these),
 * then each trace by id. Queries come from src/query, as the app's.
 */
export async function readTempo(q: TempoQuery): Promise<{ spans: SpanRecord[]; traces: number }> {
  const search = async (traceql: string) => {
    const params = new URLSearchParams({
      q: traceql,
      start: String(q.fromS),
      end: String(q.toS),
      limit: String(q.limit),
      spss: String(SPANS_PER_SPANSET),
    });
    return getJson(`${q.url}/api/search?${params}`);
  };
  const filter: TaskFilter = { namespace: q.namespace.length > 0 ? q.namespace : undefined, taskName: q.taskName };
  const found: Found = { traces: new Map(), taskUuids: new Set(), correlationIds: new Set(), stepUuids: new Set() };
  collect(await search(buildTaskListTraceQL(filter)), found);

  // Follow-up rounds, as the app's task page does: by task_uuid and correlation_id (creation, enqueue, finalization
  // traces), then by step_uuid (worker and result traces); each round may reveal ids the previous one did not carry.
  const followed = { tasks: new Set<string>(), correlations: new Set<string>(), steps: new Set<string>() };
  for (let round = 1; round < MAX_SEARCH_ROUNDS; round++) {
    const queries: string[] = [];
    const fresh = (all: Set<string>, done: Set<string>) => [...all].filter((id) => !done.has(id) && done.add(id));
    for (const taskUuid of fresh(found.taskUuids, followed.tasks)) {
      queries.push(buildTaskSpansTraceQL({ taskUuid }));
    }
    for (const correlationId of fresh(found.correlationIds, followed.correlations)) {
      queries.push(buildTaskSpansTraceQL({ correlationId }));
    }
    for (const ids of chunk(fresh(found.stepUuids, followed.steps), STEP_IDS_PER_QUERY)) {
      queries.push(buildStepSpansTraceQL(ids));
    }
    if (queries.length === 0) {
      break;
    }
    for (const traceql of queries) {
      collect(await search(traceql), found);
    }
  }

  const spans: SpanRecord[] = [];
  const entries = [...found.traces];
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const [traceId, t] = entries[next++];
      const params = new URLSearchParams({ start: String(t.startS - 1), end: String(t.endS + 1) });
      const answer = await getJson(`${q.url}/api/v2/traces/${encodeURIComponent(traceId)}?${params}`);
      if (answer !== undefined) {
        readOtlp(answer, spans);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(TRACE_FETCHES_AT_ONCE, entries.length) }, worker));
  return { spans, traces: entries.length };
}
