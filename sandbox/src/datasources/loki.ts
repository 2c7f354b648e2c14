import type { DataQueryRequest, DataQueryResponse } from '@grafana/data';
import type { TelemetryStore } from '../data/store';
import { answer } from './answer';
import type { SandboxControl } from './control';
import { compileLogQL, type LogEntry } from './logql';
import { countFrame, logsFrame } from './lokiFrames';

export interface LokiTarget {
  refId: string;
  expr?: string;
  queryType?: string;
  maxLines?: number;
  direction?: 'backward' | 'forward';
}

/** Answers one Loki target over the store: log lines, or counts for count_over_time/rate. */
export function runLokiTarget(
  store: TelemetryStore,
  t: LokiTarget,
  from: number,
  to: number,
  empty: boolean
): DataQueryResponse {
  const compiled = compileLogQL(t.expr ?? '');
  const logs = empty ? [] : store.logs;
  if (compiled.metric) {
    const buckets = 20;
    const step = Math.max(compiled.metric.rangeMs, (to - from) / buckets);
    const times: number[] = [];
    const values: number[] = [];
    for (let s = from; s < to; s += step) {
      const n = logs.filter((l) => l.timeMs >= s && l.timeMs < s + step && compiled.run(l)).length;
      times.push(s + step);
      values.push(compiled.metric.fn === 'rate' ? n / (step / 1000) : n);
    }
    return { data: [countFrame(t.refId, times, values)] };
  }
  const limit = t.maxLines ?? 1000;
  const out: LogEntry[] = [];
  const backward = t.direction !== 'forward';
  const n = logs.length;
  for (let i = 0; i < n && out.length < limit; i++) {
    const log = logs[backward ? n - 1 - i : i];
    if (log.timeMs < from || log.timeMs > to) {
      continue;
    }
    const e = compiled.run(log);
    if (e) {
      out.push(e);
    }
  }
  return { data: [logsFrame(out, t.refId)] };
}

export function createLokiStandIn(store: TelemetryStore, control: SandboxControl, uid: string) {
  return {
    uid,
    name: 'Loki',
    type: 'loki',
    query(request: DataQueryRequest<LokiTarget>) {
      const from = request.range.from.valueOf();
      const to = request.range.to.valueOf();
      const targets = request.targets.filter((t) => !(t as { hide?: boolean }).hide);
      return answer(control, 'loki', targets.map((t) => t.expr ?? '').join('\n'), targets[0]?.refId ?? 'A', () => {
        const parts = targets.map((t) => runLokiTarget(store, t, from, to, control.mode === 'empty'));
        return { data: parts.flatMap((p) => p.data) };
      });
    },
  };
}
