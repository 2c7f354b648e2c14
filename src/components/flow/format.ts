import { dateTimeFormat } from '@grafana/data';

// One duration formatter for the whole app, pure, in the flow model.
export { formatMs } from '../../flow/formatMs';

/** Absolute time with milliseconds, in the browser's (or Grafana's) time zone. */
export function formatTime(ms: number): string {
  if (!Number.isFinite(ms)) {
    return '—';
  }
  return dateTimeFormat(ms, { format: 'YYYY-MM-DD HH:mm:ss.SSS' });
}

/** Attribute values are user data of any type: show them as plain text, never as markup. */
export function valueToText(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
