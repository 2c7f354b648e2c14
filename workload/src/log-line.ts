// A log record as tasker-core's OTLP appender (opentelemetry-appender-tracing 0.31, no extra features) builds it
// from a `tracing` event: the body is the event's message alone, the attributes are the event's own fields (not the
// enclosing spans'), and the trace context is that of the span the event fires in. Browser-safe.
import type { Attributes } from './model';
import { isoTime } from './emit';

/** Rust's Debug of a &str / String, as `?value` records it: in double quotes. */
export function debugStr(value: string): string {
  return JSON.stringify(value);
}

/**
 * The fields tasker-core's `log_task!`/`log_step!` macros put on an event: `operation`, each id as
 * `format!("{:?}", id)` (an `Option<Uuid>` becomes `Some(019a…)`, a `Uuid` stays bare), every other field as
 * `?value` (a string in quotes), and a `timestamp`. The message is the operation.
 */
export function macroFields(
  timeMs: number,
  operation: string,
  ids: { task_uuid?: string; step_uuid?: string },
  fields: Record<string, string> = {}
): Attributes {
  const out: Attributes = { operation };
  if (ids.step_uuid !== undefined) {
    out.step_uuid = ids.step_uuid;
  }
  if (ids.task_uuid !== undefined) {
    out.task_uuid = ids.task_uuid;
  }
  for (const [k, v] of Object.entries(fields)) {
    out[k] = debugStr(v);
  }
  out.timestamp = isoTime(timeMs).replace('Z', '+00:00');
  return out;
}
