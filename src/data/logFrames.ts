import type { DataFrame } from '@grafana/data';
import type { QuerySettings } from '../query/types';
import { asNumber, asText, findField, rowCount, valueAt } from './frames';
import { extractLevel, extractLogIds } from './logIds';
import type { LogRow } from './logRow';

function toLabelRecord(v: unknown): Record<string, string> {
  let obj = v;
  if (typeof v === 'string') {
    try {
      obj = JSON.parse(v);
    } catch {
      return {};
    }
  }
  const out: Record<string, string> = {};
  if (typeof obj === 'object' && obj !== null && !Array.isArray(obj)) {
    for (const [k, val] of Object.entries(obj)) {
      const t = asText(val);
      if (t !== undefined) {
        out[k] = t;
      }
    }
  }
  return out;
}

function toMs(v: unknown): number | undefined {
  const n = asNumber(v);
  if (n !== undefined) {
    return n;
  }
  if (typeof v === 'string') {
    const parsed = Date.parse(v);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}

/**
 * Log rows from Loki frames: the dataplane shape (`labels`, `Time`/`timestamp`, `Line`/`body`, `tsNs`, `id`) and
 * the older one frame per stream with the labels on the line field. Newest first.
 */
export function parseLogFrames(frames: DataFrame[], settings: QuerySettings): LogRow[] {
  const rows: LogRow[] = [];
  frames.forEach((frame, frameIndex) => {
    const line = findField(frame, ['Line', 'body', 'line']);
    if (!line) {
      return;
    }
    const time = findField(frame, ['Time', 'timestamp', 'time']);
    const tsNs = findField(frame, ['tsNs']);
    const labels = findField(frame, ['labels']);
    const idField = findField(frame, ['id']);
    const streamLabels = line.labels ?? {};
    const n = rowCount(frame);
    for (let i = 0; i < n; i++) {
      const message =
        typeof valueAt(line, i) === 'string' ? (valueAt(line, i) as string) : (asText(valueAt(line, i)) ?? '');
      const rowLabels = { ...streamLabels, ...toLabelRecord(valueAt(labels, i)) };
      const ns = asText(valueAt(tsNs, i));
      const timeMs = toMs(valueAt(time, i)) ?? (ns ? Number(ns.slice(0, -6) || '0') : 0);
      const ids = extractLogIds(rowLabels, message, settings.logFields);
      rows.push({
        id: asText(valueAt(idField, i)) ?? `${frameIndex}-${i}-${ns ?? timeMs}`,
        timeMs,
        level: extractLevel(rowLabels, message, settings.logFields.level),
        message,
        labels: rowLabels,
        ...ids,
      });
    }
  });
  rows.sort((a, b) => b.timeMs - a.timeMs);
  return rows;
}
