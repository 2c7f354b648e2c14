import type { KeyValue } from '../flow/types';
import type { OtlpAnyValue, OtlpKeyValue } from './types';

/** A value as an OTLP AnyValue, keeping its type (whole numbers are intValue strings, as the JSON encoding wants). */
export function toAnyValue(value: unknown, depth = 0): OtlpAnyValue {
  if (typeof value === 'string') {
    return { stringValue: value };
  }
  if (typeof value === 'boolean') {
    return { boolValue: value };
  }
  if (typeof value === 'bigint') {
    return { intValue: value.toString() };
  }
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) {
      return { intValue: String(value) };
    }
    // JSON has no NaN or Infinity: the encoding writes them as strings.
    return { doubleValue: Number.isFinite(value) ? value : String(value) };
  }
  if (depth < 8 && Array.isArray(value)) {
    return { arrayValue: { values: value.map((v) => toAnyValue(v, depth + 1)) } };
  }
  if (depth < 8 && value !== null && typeof value === 'object') {
    return {
      kvlistValue: { values: Object.entries(value).map(([key, v]) => ({ key, value: toAnyValue(v, depth + 1) })) },
    };
  }
  return value === null || value === undefined ? {} : { stringValue: String(value) };
}

export function toOtlpAttributes(values: KeyValue[]): OtlpKeyValue[] {
  return values.map((kv) => ({ key: kv.key, value: toAnyValue(kv.value) }));
}

/** An AnyValue back to a plain value: intValue as a number when exact, else its digits as text. */
export function fromAnyValue(value: unknown, depth = 0): unknown {
  if (!value || typeof value !== 'object') {
    return undefined;
  }
  const v = value as OtlpAnyValue;
  if (typeof v.stringValue === 'string') {
    return v.stringValue;
  }
  if (typeof v.boolValue === 'boolean') {
    return v.boolValue;
  }
  if (v.intValue !== undefined) {
    const n = Number(v.intValue);
    return Number.isSafeInteger(n) ? n : String(v.intValue);
  }
  if (v.doubleValue !== undefined) {
    return Number(v.doubleValue);
  }
  if (typeof v.bytesValue === 'string') {
    return v.bytesValue;
  }
  if (depth < 8 && v.arrayValue && Array.isArray(v.arrayValue.values)) {
    return v.arrayValue.values.map((x) => fromAnyValue(x, depth + 1));
  }
  if (depth < 8 && v.kvlistValue && Array.isArray(v.kvlistValue.values)) {
    const out: Record<string, unknown> = {};
    for (const kv of v.kvlistValue.values) {
      if (kv && typeof kv.key === 'string') {
        out[kv.key] = fromAnyValue(kv.value, depth + 1);
      }
    }
    return out;
  }
  return undefined;
}

export function fromOtlpAttributes(values: unknown): KeyValue[] {
  if (!Array.isArray(values)) {
    return [];
  }
  const out: KeyValue[] = [];
  for (const kv of values) {
    if (kv && typeof kv === 'object' && typeof (kv as OtlpKeyValue).key === 'string') {
      out.push({ key: (kv as OtlpKeyValue).key, value: fromAnyValue((kv as OtlpKeyValue).value) });
    }
  }
  return out;
}
