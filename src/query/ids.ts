// Identifiers Tasker and OpenTelemetry use: UUIDs (correlation_id, task_uuid, step_uuid), trace and span ids.
import { InvalidQueryInputError, type QueryInputField } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX = /^[0-9a-f]+$/;

/** Tasker writes UUIDs in lower case (Rust's uuid Display); a pasted upper-case id still finds them. */
export function requireUuid(field: QueryInputField, value: unknown): string {
  const id = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (!UUID.test(id)) {
    throw new InvalidQueryInputError(field, 'a UUID such as 550e8400-e29b-41d4-a716-446655440000', value);
  }
  return id;
}

export function isUuid(value: string): boolean {
  return UUID.test(value.trim().toLowerCase());
}

/**
 * The one definition of a trace id in the app: 1 to 32 hex digits. OTLP trace ids are 16 bytes; Tempo's search
 * renders them without leading zeros (TraceIDToHexString), trace-by-id frames and Loki carry all 32 digits. The
 * normalised form (lower case, left-padded to 32 digits) is the identity used for stitching, de-duplication, URLs
 * and selection. Undefined when `value` is not a trace id.
 */
export function normalizeTraceId(value: unknown): string | undefined {
  const id = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (!HEX.test(id) || id.length > 32) {
    return undefined;
  }
  return id.padStart(32, '0');
}

export function isTraceId(value: unknown): boolean {
  return normalizeTraceId(value) !== undefined;
}

export function requireTraceId(value: unknown): string {
  const id = normalizeTraceId(value);
  if (id === undefined) {
    throw new InvalidQueryInputError('traceId', 'a trace id of 1 to 32 hexadecimal digits', value);
  }
  return id;
}

export function requireSpanId(value: unknown): string {
  const id = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (!HEX.test(id) || id.length > 16) {
    throw new InvalidQueryInputError('spanId', 'a span id of 1 to 16 hexadecimal digits', value);
  }
  return id.padStart(16, '0');
}
