// tracing-subscriber's default text format, as tasker-core writes its logs (never JSON). Browser-safe.
import type { AttributeValue, LogLevel } from './model';
import { isoTime } from './emit';

export interface SpanContextEntry {
  name: string;
  fields: Record<string, AttributeValue>;
}

/** `key=value`, quoting values that hold spaces or quotes the way Debug-formatted strings appear. */
export function formatFields(fields: Record<string, AttributeValue>): string {
  return Object.entries(fields)
    .map(([k, v]) => {
      const s = String(v);
      return /[\s"=]/.test(s) || s === '' ? `${k}=${JSON.stringify(s)}` : `${k}=${s}`;
    })
    .join(' ');
}

/**
 * `2026-03-01T10:00:00.123Z  INFO ThreadId(07) span{k=v}: target: message k=v`
 * (timestamp, level right-aligned to 5, thread, span scope, target, message, event fields).
 */
export function formatTracingLine(
  timeMs: number,
  level: LogLevel,
  threadId: number,
  scope: SpanContextEntry[],
  target: string,
  message: string,
  fields: Record<string, AttributeValue> = {}
): string {
  const spans = scope.map((s) => `${s.name}{${formatFields(s.fields)}}`).join(':');
  const tail = formatFields(fields);
  return `${isoTime(timeMs)} ${level.padStart(5)} ThreadId(${String(threadId).padStart(2, '0')}) ${spans ? spans + ': ' : ''}${target}: ${message}${tail ? ' ' + tail : ''}`;
}
