import type { DataFrame, Field } from '@grafana/data';

/** The first field whose name is one of `names` (in the order given). */
export function findField(frame: DataFrame, names: readonly string[]): Field | undefined {
  for (const name of names) {
    const f = frame.fields.find((field) => field.name === name);
    if (f) {
      return f;
    }
  }
  return undefined;
}

export function valueAt(field: Field | undefined, row: number): unknown {
  if (!field) {
    return undefined;
  }
  const values = field.values as unknown;
  if (Array.isArray(values)) {
    return values[row];
  }
  // Old Vector objects (Grafana < 10) expose get(i).
  const getter = (values as { get?: (i: number) => unknown } | undefined)?.get;
  return typeof getter === 'function' ? getter.call(values, row) : undefined;
}

export function rowCount(frame: DataFrame): number {
  if (typeof frame.length === 'number' && frame.length > 0) {
    return frame.length;
  }
  const first = frame.fields[0]?.values as unknown;
  return Array.isArray(first) ? first.length : 0;
}

/** A non-empty string, or undefined. Numbers and booleans become text; objects are not ids. */
export function asText(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? undefined : t;
  }
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') {
    return String(v);
  }
  return undefined;
}

export function asNumber(v: unknown): number | undefined {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/**
 * Candidate field names for a span attribute in Tempo search frames. Grafana names the columns after the keys
 * Tempo returns, which are bare (`correlation_id`, `service.name`); some versions and stand-ins keep the scope
 * (`span.correlation_id`).
 */
export function attributeFieldNames(key: string): string[] {
  return [key, `span.${key}`, `resource.${key}`, `.${key}`];
}
