import type { DataFrame } from '@grafana/data';
import { WORKER_STEP_KEY, workerStepUuid } from '../flow/workerStep';
import { normalizeTraceId } from '../query/ids';
import type { QuerySettings, SpanStatus } from '../query/types';
import { asNumber, asText, attributeFieldNames, findField, rowCount, valueAt } from './frames';

/** One span of a Tempo search result, with the Tasker attributes the search selected. */
export interface SearchSpan {
  /** Normalised: 32 lower-case hex digits, whatever Tempo's search rendered. */
  traceId: string;
  spanId?: string;
  name?: string;
  service?: string;
  startMs?: number;
  durationMs?: number;
  /** Start and duration of the span's trace, as the search reported them. */
  traceStartMs?: number;
  traceDurationMs?: number;
  correlationId?: string;
  taskUuid?: string;
  stepUuid?: string;
  namespace?: string;
  taskName?: string;
  status?: SpanStatus;
}

/** One trace of a search result: where it lies in time (for narrowing the trace-by-id query). */
export interface SearchTrace {
  traceId: string;
  startMs?: number;
  durationMs?: number;
  service?: string;
  name?: string;
}

export interface ParsedSearch {
  traces: SearchTrace[];
  spans: SearchSpan[];
}

const TRACE_ID_FIELDS = ['traceID', 'traceIdHidden', 'traceId', 'trace:id'];

/** tasker-core's worker.step_completion_received spans name their step only as `span_id = "span-<step_uuid>"`. */
const WORKER_STEP_FIELDS = [...attributeFieldNames(WORKER_STEP_KEY), `span."${WORKER_STEP_KEY}"`];

function parseStatus(v: unknown): SpanStatus | undefined {
  if (v === 2 || v === '2') {
    return 'error';
  }
  if (v === 1 || v === '1') {
    return 'ok';
  }
  const t = asText(v)?.toLowerCase();
  if (t === 'error' || t === 'status_code_error') {
    return 'error';
  }
  if (t === 'ok' || t === 'status_code_ok') {
    return 'ok';
  }
  if (t === 'unset' || t === 'status_code_unset') {
    return 'unset';
  }
  return undefined;
}

/** Reads the span rows of one frame (a spanset sub-frame of `Traces`, or the flat `Spans` frame). */
function readSpanRows(frame: DataFrame, settings: QuerySettings, trace: SearchTrace | undefined, out: SearchSpan[]) {
  const a = settings.attributes;
  const attr = (key: string) => findField(frame, attributeFieldNames(key));
  const f = {
    traceId: findField(frame, TRACE_ID_FIELDS),
    spanId: findField(frame, ['spanID', 'spanId']),
    name: findField(frame, ['name']),
    service: findField(frame, [...attributeFieldNames('service.name'), 'traceService']),
    time: findField(frame, ['time', 'startTime']),
    duration: findField(frame, ['duration']),
    status: findField(frame, ['status', 'statusCode']),
    correlationId: attr(a.correlationId.key),
    taskUuid: attr(a.taskUuid.key),
    stepUuid: attr(a.stepUuid.key),
    namespace: attr(a.namespace.key),
    taskName: attr(a.taskName.key),
    workerStep: findField(frame, WORKER_STEP_FIELDS),
  };
  const n = rowCount(frame);
  for (let i = 0; i < n; i++) {
    const traceId = normalizeTraceId(valueAt(f.traceId, i)) ?? trace?.traceId;
    if (!traceId) {
      continue;
    }
    const durationNs = asNumber(valueAt(f.duration, i));
    out.push({
      traceId,
      spanId: asText(valueAt(f.spanId, i)),
      name: asText(valueAt(f.name, i)),
      service: asText(valueAt(f.service, i)) ?? trace?.service,
      startMs: asNumber(valueAt(f.time, i)),
      durationMs: durationNs === undefined ? undefined : durationNs / 1e6,
      traceStartMs: trace?.startMs,
      traceDurationMs: trace?.durationMs,
      correlationId: asText(valueAt(f.correlationId, i)),
      taskUuid: asText(valueAt(f.taskUuid, i)),
      stepUuid: asText(valueAt(f.stepUuid, i)) ?? workerStepUuid(valueAt(f.workerStep, i)),
      namespace: asText(valueAt(f.namespace, i)),
      taskName: asText(valueAt(f.taskName, i)),
      status: parseStatus(valueAt(f.status, i)),
    });
  }
}

function isFrameArray(v: unknown): v is DataFrame[] {
  return (
    Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && Array.isArray((x as DataFrame).fields))
  );
}

/**
 * Turns Tempo search frames into traces and spans. Handles the `Traces` frame (one row per trace, spansets in
 * its `nested` field) and the flat `Spans` frame (tableType 'spans'). Unknown frames are ignored.
 */
export function parseSearchFrames(frames: DataFrame[], settings: QuerySettings): ParsedSearch {
  const traces = new Map<string, SearchTrace>();
  const spans: SearchSpan[] = [];
  for (const frame of frames) {
    const nested = findField(frame, ['nested']);
    const traceStart = findField(frame, ['startTime']);
    const isTraceTable = Boolean(nested) || (Boolean(findField(frame, ['traceID'])) && Boolean(traceStart));
    if (isTraceTable) {
      const idField = findField(frame, ['traceID']);
      const duration = findField(frame, ['traceDuration']);
      const service = findField(frame, ['traceService']);
      const name = findField(frame, ['traceName']);
      const n = rowCount(frame);
      for (let i = 0; i < n; i++) {
        // Tempo's search trims leading zeros (TraceIDToHexString): identity is the 32-digit form.
        const traceId = normalizeTraceId(valueAt(idField, i));
        if (!traceId) {
          continue;
        }
        const trace: SearchTrace = {
          traceId,
          startMs: asNumber(valueAt(traceStart, i)),
          durationMs: asNumber(valueAt(duration, i)),
          service: asText(valueAt(service, i)),
          name: asText(valueAt(name, i)),
        };
        traces.set(traceId, mergeTrace(traces.get(traceId), trace));
        const sub = valueAt(nested, i);
        if (isFrameArray(sub)) {
          for (const spanset of sub) {
            readSpanRows(spanset, settings, trace, spans);
          }
        }
      }
    } else if (findField(frame, ['spanID', 'spanId'])) {
      const before = spans.length;
      readSpanRows(frame, settings, undefined, spans);
      for (let i = before; i < spans.length; i++) {
        const s = spans[i];
        const prev = traces.get(s.traceId);
        traces.set(s.traceId, mergeTrace(prev, { traceId: s.traceId, startMs: s.startMs, durationMs: s.durationMs }));
      }
    }
  }
  return { traces: [...traces.values()], spans };
}

/** Widens a trace's window to cover both observations (a trace can appear in several frames or rows). */
function mergeTrace(a: SearchTrace | undefined, b: SearchTrace): SearchTrace {
  if (!a) {
    return b;
  }
  const starts = [a.startMs, b.startMs].filter((x): x is number => x !== undefined);
  const ends = [a, b].filter((t) => t.startMs !== undefined).map((t) => (t.startMs as number) + (t.durationMs ?? 0));
  const startMs = starts.length ? Math.min(...starts) : undefined;
  const endMs = ends.length ? Math.max(...ends) : undefined;
  return {
    traceId: a.traceId,
    startMs,
    durationMs: startMs !== undefined && endMs !== undefined ? endMs - startMs : undefined,
    service: a.service ?? b.service,
    name: a.name ?? b.name,
  };
}
