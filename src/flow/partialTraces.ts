import { normalizeTraceId } from '../query/ids';
import { AnomalyLog } from './anomalyLog';
import { textOf } from './values';

/** A trace Tempo trimmed: Grafana marks its frame `meta.custom.partial = true` and passes Tempo's message. */
export interface PartialTrace {
  traceId: string;
  message: string;
}

function traceIdOf(frame: { fields?: unknown }): string {
  const fields = Array.isArray(frame.fields) ? frame.fields : [];
  const field = fields.find((f) => f && typeof f === 'object' && (f as { name?: unknown }).name === 'traceID') as
    | { values?: unknown }
    | undefined;
  const values = field?.values;
  const first = Array.isArray(values) ? textOf(values.find((v) => textOf(v) !== '')) : '';
  return normalizeTraceId(first) ?? first;
}

/** The trace frames Grafana marked partial (Tempo 2.8+ trims a trace above its size limit and says so). */
export function findPartialTraces(frames: unknown): PartialTrace[] {
  const out: PartialTrace[] = [];
  if (!Array.isArray(frames)) {
    return out;
  }
  const seen = new Set<string>();
  for (const frame of frames) {
    const custom = (frame as { meta?: { custom?: { partial?: unknown; message?: unknown } } } | null)?.meta?.custom;
    if (!custom || custom.partial !== true) {
      continue;
    }
    const traceId = traceIdOf(frame as { fields?: unknown });
    if (seen.has(traceId)) {
      continue;
    }
    seen.add(traceId);
    out.push({ traceId, message: textOf(custom.message) });
  }
  return out;
}

/** One `partial_trace` anomaly per trimmed trace, naming it: what is drawn of it is not the whole trace. */
export function reportPartialTraces(frames: unknown, anomalies: AnomalyLog): void {
  for (const p of findPartialTraces(frames)) {
    const name = p.traceId ? `Trace ${p.traceId}` : 'A trace';
    const reason = p.message ? ` Tempo says: ${p.message}` : '';
    anomalies.add(
      'partial_trace',
      [],
      `${name} is incomplete: Tempo returned only part of it (the trace is larger than Tempo serves at once), so spans of it are missing here.${reason}`
    );
  }
}
