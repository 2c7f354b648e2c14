// Defensive readers for frame cells: input comes from the network and may hold anything.

export type Column = ArrayLike<unknown>;

/** A field's values as an indexable list (plain array, typed array or an old-style Vector), else undefined. */
export function columnValues(field: unknown): Column | undefined {
  if (!field || typeof field !== 'object') {
    return undefined;
  }
  const values: unknown = (field as { values?: unknown }).values;
  if (Array.isArray(values)) {
    return values;
  }
  if (ArrayBuffer.isView(values) && !(values instanceof DataView)) {
    return values as unknown as Column;
  }
  if (values && typeof (values as { toArray?: unknown }).toArray === 'function') {
    try {
      const array: unknown = (values as { toArray: () => unknown }).toArray();
      return Array.isArray(array) ? array : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Numbers and numeric strings become numbers; anything else NaN. */
export function numberOf(value: unknown): number {
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    return Number(value);
  }
  if (typeof value === 'bigint') {
    return Number(value);
  }
  return NaN;
}

/** Strings stay as they are; numbers, booleans and bigints become text; anything else ''. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return '';
}

/** Status code 2 (or its names) means error. */
export function isErrorStatus(value: unknown): boolean {
  if (value === 2) {
    return true;
  }
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    return v === '2' || v === 'error' || v === 'status_code_error';
  }
  return false;
}

export function statusCodeOf(value: unknown): 0 | 1 | 2 {
  if (isErrorStatus(value)) {
    return 2;
  }
  if (value === 1) {
    return 1;
  }
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === '1' || v === 'ok' || v === 'status_code_ok') {
      return 1;
    }
  }
  return 0;
}

/** An `error` attribute set to true ("true" counts too). */
export function isTrueFlag(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}
