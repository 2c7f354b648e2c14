import type { StoredSpan } from '../data/model';

/**
 * Tempo's default `max_bytes_per_trace` is 5 MB: its query frontend trims a larger trace and answers PARTIAL with
 * this message (grafana/tempo modules/frontend/combiner trace_by_id). The sandbox's Tempo is configured with 50 MB
 * so that its 100k-span demo task (about 29 MB) loads whole; tests pass a smaller limit to see the trimming.
 */
export const SANDBOX_MAX_BYTES_PER_TRACE = 50_000_000;

export function partialTraceMessage(maxBytes: number): string {
  return `Trace exceeds maximum size of ${maxBytes} bytes, a partial trace is returned`;
}

function valueBytes(v: unknown): number {
  return typeof v === 'string' ? v.length : 8;
}

/** Roughly what a span costs in Tempo's protobuf: ids, times, name, attributes, events (resources are shared). */
export function spanBytes(s: StoredSpan): number {
  let bytes = 16 + 8 + 8 + 16 + 8 + s.name.length + s.statusMessage.length;
  for (const [k, v] of Object.entries(s.attrs)) {
    bytes += k.length + valueBytes(v) + 6;
  }
  for (const e of s.events) {
    bytes += e.name.length + 12;
    for (const [k, v] of Object.entries(e.attrs)) {
      bytes += k.length + valueBytes(v) + 6;
    }
  }
  return bytes;
}

/** The spans Tempo returns for a trace under `maxBytes`, and whether it had to leave some out. */
export function trimTrace(spans: StoredSpan[], maxBytes: number): { spans: StoredSpan[]; partial: boolean } {
  let total = 0;
  for (let i = 0; i < spans.length; i++) {
    total += spanBytes(spans[i]);
    if (total > maxBytes) {
      return { spans: spans.slice(0, i), partial: true };
    }
  }
  return { spans, partial: false };
}
