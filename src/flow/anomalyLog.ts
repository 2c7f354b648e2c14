import { Anomaly, AnomalyKind } from './types';

/** Order in which kinds are listed: what a user should read first comes first. */
const KIND_ORDER: AnomalyKind[] = [
  'truncated',
  'partial_trace',
  'missing_finalization',
  'error_span',
  'retry',
  'cycle',
  'duplicate_span_id',
  'orphan_span',
  'negative_duration',
  'clock_skew',
];

/** Detailed anomalies kept per kind; the rest are folded into one summary so bad input cannot flood the UI. */
export const MAX_ANOMALIES_PER_KIND = 200;

export class AnomalyLog {
  private readonly byKind = new Map<AnomalyKind, Anomaly[]>();
  private readonly overflow = new Map<AnomalyKind, string[]>();

  add(kind: AnomalyKind, spanIds: string[], message: string, rootCause?: boolean): void {
    let list = this.byKind.get(kind);
    if (!list) {
      list = [];
      this.byKind.set(kind, list);
    }
    if (list.length < MAX_ANOMALIES_PER_KIND) {
      list.push(rootCause ? { kind, spanIds, message, rootCause } : { kind, spanIds, message });
      return;
    }
    let ids = this.overflow.get(kind);
    if (!ids) {
      ids = [];
      this.overflow.set(kind, ids);
    }
    for (const id of spanIds) {
      ids.push(id);
    }
  }

  count(kind: AnomalyKind): number {
    return this.byKind.get(kind)?.length ?? 0;
  }

  finish(): Anomaly[] {
    const out: Anomaly[] = [];
    for (const kind of KIND_ORDER) {
      const list = this.byKind.get(kind);
      if (list) {
        out.push(...list);
      }
      const more = this.overflow.get(kind);
      if (more && more.length > 0) {
        out.push({
          kind,
          spanIds: more,
          message: `${more.length} more span${more.length === 1 ? ' has' : 's have'} the same problem (${kind.replace(/_/g, ' ')}).`,
        });
      }
    }
    return out;
  }
}
