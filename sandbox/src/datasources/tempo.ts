import type { DataQueryRequest, DataQueryResponse } from '@grafana/data';
import type { TelemetryStore } from '../data/store';
import { answer } from './answer';
import type { SandboxControl } from './control';
import { QuerySyntaxError } from './syntax';
import { traceFrame, tracesFrame, spansFrame, type TraceMatch } from './tempoFrames';
import { asTraceId, compileTraceQL } from './traceql';

export interface TempoTarget {
  refId: string;
  query?: string;
  queryType?: string;
  limit?: number;
  spss?: number;
  tableType?: 'traces' | 'spans';
}

function overlaps(trace: Array<{ startMs: number; durationMs: number }>, from: number, to: number): boolean {
  let start = Infinity;
  let end = -Infinity;
  for (const s of trace) {
    start = Math.min(start, s.startMs);
    end = Math.max(end, s.startMs + s.durationMs);
  }
  return start <= to && end >= from;
}

/** Answers one Tempo target over the store, as Grafana's Tempo datasource would. */
export function runTempoTarget(
  store: TelemetryStore,
  t: TempoTarget,
  from: number,
  to: number,
  empty: boolean
): DataQueryResponse {
  const query = t.query ?? '';
  const traceId = asTraceId(query);
  if (traceId) {
    const trace = empty ? undefined : store.trace(traceId);
    if (!trace || !overlaps(trace, from, to)) {
      const error = {
        message: `failed to get trace with id: ${traceId} Status: 404 Not Found Body: trace not found`,
        status: 404,
        refId: t.refId,
      };
      return { data: [], error, errors: [error] };
    }
    return { data: [traceFrame(trace, t.refId)] };
  }
  if (t.queryType && t.queryType !== 'traceql' && t.queryType !== 'traceqlSearch') {
    throw new QuerySyntaxError(`queryType ${t.queryType} is not supported by the sandbox`, 0);
  }
  const compiled = compileTraceQL(query);
  const limit = t.limit ?? 20;
  const spss = t.spss ?? 3;
  const matches: TraceMatch[] = [];
  if (!empty) {
    for (const [id, trace] of store.allTraces()) {
      if (!overlaps(trace, from, to)) {
        continue;
      }
      const matched = compiled.evaluate(trace);
      if (matched.length) {
        matches.push({ traceId: id, trace, matched: matched.sort((a, b) => a.startMs - b.startMs) });
      }
    }
  }
  const startOf = (m: TraceMatch) => Math.min(...m.trace.map((s) => s.startMs));
  matches.sort((a, b) => startOf(b) - startOf(a));
  const page = matches.slice(0, limit);
  const frame =
    t.tableType === 'spans'
      ? spansFrame(page, compiled.fields, spss, t.refId)
      : tracesFrame(page, compiled.fields, spss, t.refId);
  return { data: [frame] };
}

export function createTempoStandIn(store: TelemetryStore, control: SandboxControl, uid: string) {
  return {
    uid,
    name: 'Tempo',
    type: 'tempo',
    query(request: DataQueryRequest<TempoTarget>) {
      const from = request.range.from.valueOf();
      const to = request.range.to.valueOf();
      const targets = request.targets.filter((t) => !(t as { hide?: boolean }).hide);
      const text = targets.map((t) => t.query ?? '').join('\n');
      const refId = targets[0]?.refId ?? 'A';
      return answer(control, 'tempo', text, refId, () => {
        const parts = targets.map((t) => runTempoTarget(store, t, from, to, control.mode === 'empty'));
        const firstError = parts.find((p) => p.error);
        if (parts.some((p) => p.data.some((f) => f.name === 'Trace'))) {
          control.lastTraceFrameAt = performance.now();
        }
        return {
          data: parts.flatMap((p) => p.data),
          error: firstError?.error,
          errors: parts.flatMap((p) => p.errors ?? []),
        };
      });
    },
  };
}
