import { isFetchError } from '@grafana/runtime';

export type DataErrorKind =
  'not_configured' | 'not_found' | 'http' | 'timeout' | 'empty' | 'cancelled' | 'invalid_query' | 'unknown';

/** A failure a page can show as is: what happened (title) and what to do about it (hint). */
export class DataError extends Error {
  readonly kind: DataErrorKind;
  readonly title: string;
  readonly hint: string;
  readonly status?: number;

  constructor(kind: DataErrorKind, title: string, hint: string, status?: number) {
    super(`${title}. ${hint}`);
    this.name = 'DataError';
    this.kind = kind;
    this.title = title;
    this.hint = hint;
    this.status = status;
  }
}

export function isDataError(e: unknown): e is DataError {
  return e instanceof DataError;
}

/** What was being done when the failure happened, e.g. "Tempo search", and the datasource it went to. */
export interface ErrorContext {
  action: string;
  datasource?: string;
}

/** Anything that looks like an HTTP failure: Grafana's FetchError, a DataQueryError, or a plain object. */
function statusOf(e: unknown): number | undefined {
  if (isFetchError(e)) {
    return e.status;
  }
  if (typeof e === 'object' && e !== null) {
    const raw = (e as { status?: unknown; statusCode?: unknown }).status ?? (e as { statusCode?: unknown }).statusCode;
    const n = typeof raw === 'string' ? Number(raw) : raw;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599) {
      return n;
    }
  }
  return undefined;
}

function statusInText(text: string): number | undefined {
  const m = STATUS_IN_TEXT.exec(text);
  const n = m ? Number(m[1]) : NaN;
  return n >= 400 && n <= 599 ? n : undefined;
}

/** The most specific human message a failure carries (FetchError data.message, DataQueryError message...). */
export function messageOf(e: unknown): string {
  if (typeof e === 'string') {
    return e;
  }
  if (typeof e !== 'object' || e === null) {
    return '';
  }
  const data = (e as { data?: unknown }).data;
  if (typeof data === 'object' && data !== null) {
    const m = (data as { message?: unknown; error?: unknown }).message ?? (data as { error?: unknown }).error;
    if (typeof m === 'string' && m) {
      return m;
    }
  }
  if (typeof data === 'string' && data) {
    return data;
  }
  const m = (e as { message?: unknown }).message;
  if (typeof m === 'string') {
    return m;
  }
  const statusText = (e as { statusText?: unknown }).statusText;
  return typeof statusText === 'string' ? statusText : '';
}

function isAbort(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) {
    return false;
  }
  const name = (e as { name?: unknown }).name;
  const cancelled = (e as { cancelled?: unknown }).cancelled;
  return name === 'AbortError' || cancelled === true;
}

const TIMEOUT_TEXT = /time(d)?[\s-]?out|deadline exceeded|context deadline/i;

/**
 * Grafana's Tempo backend reports failures as text without an HTTP status (`ErrorResponseWithErrorSource`), e.g.
 * `failed to get trace with id: <id> Status: 404 Not Found Body: ...` or `failed to execute search query status:
 * 400 Bad Request`; the status Tempo answered is only in the words.
 */
const STATUS_IN_TEXT = /\bstatus:? (\d{3})\b/i;
/** The trace-by-id backend's words for a trace Tempo does not have (pkg/tempo/trace.go). */
const TRACE_NOT_FOUND_TEXT = /failed to get trace with id: \S+ Status: 404\b/i;

/** True for Grafana's "trace not found", with or without an HTTP status. */
export function isTraceNotFound(e: unknown): boolean {
  return statusOf(e) === 404 || TRACE_NOT_FOUND_TEXT.test(messageOf(e));
}

/**
 * Tempo's own reason inside the wrappers Grafana adds: the Tempo frontend's `Error (<reason>). Please check the
 * server logs for more details.` and gRPC's `rpc error: code = X desc = <reason>` (streaming search).
 */
export function tempoReason(message: string): string {
  let m = message.trim();
  const wrapped = /^Error \(([\s\S]*)\)\. Please check the server logs for more details\.$/.exec(m);
  if (wrapped) {
    m = wrapped[1].trim();
  }
  const rpc = /^rpc error: code = \w+ desc = ([\s\S]*)$/.exec(m);
  return rpc ? rpc[1].trim() : m;
}
const NOT_FOUND_TEXT = /data ?source .*not found|not found.*data ?source/i;

/** Maps any failure to a DataError whose title says what failed and whose hint says what to try. */
export function toDataError(e: unknown, context: ErrorContext): DataError {
  if (e instanceof DataError) {
    return e;
  }
  const where = context.datasource ? `${context.action} (${context.datasource})` : context.action;
  const detail = tempoReason(messageOf(e));
  const suffix = detail ? `: ${detail}` : '';
  if (isAbort(e)) {
    return new DataError('cancelled', `${where} was cancelled`, 'Run the search again.');
  }
  const status = statusOf(e) ?? statusInText(detail);
  if (status === 504 || status === 408 || TIMEOUT_TEXT.test(detail)) {
    return new DataError(
      'timeout',
      `${where} timed out${suffix}`,
      'Narrow the time range or add a filter (correlation_id, task_uuid or namespace), then retry.',
      status
    );
  }
  if (status === 404 && NOT_FOUND_TEXT.test(detail)) {
    return datasourceGone(context.datasource, status);
  }
  if (status === 401 || status === 403) {
    return new DataError(
      'http',
      `${where} was refused (${status})${suffix}`,
      'Your Grafana user needs permission to query this datasource (Explore or datasource query rights).',
      status
    );
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return new DataError(
      'http',
      `${where} rejected the request (${status})${suffix}`,
      'Check the filter values and the attribute and log settings of the app, then retry.',
      status
    );
  }
  if (status !== undefined && status >= 500) {
    return new DataError(
      'http',
      `${where} failed on the server (${status})${suffix}`,
      'The datasource or its backend is unavailable or overloaded. Retry in a moment; if it persists, check the datasource in Connections.',
      status
    );
  }
  if (NOT_FOUND_TEXT.test(detail)) {
    return datasourceGone(context.datasource);
  }
  return new DataError(
    'unknown',
    `${where} failed${suffix}`,
    'Retry; if it keeps failing, open the query in Explore to see the datasource response.'
  );
}

export function datasourceGone(datasource: string | undefined, status?: number): DataError {
  const name = datasource ? `The datasource "${datasource}"` : 'The datasource';
  return new DataError(
    'not_found',
    `${name} was not found`,
    'It may have been deleted or renamed. Pick an existing datasource on the app configuration page.',
    status
  );
}

export function notConfigured(what: string): DataError {
  return new DataError(
    'not_configured',
    `No ${what} datasource is configured`,
    `Choose a ${what} datasource on the app configuration page (Administration > Plugins > Tasker).`
  );
}

export function cancelled(action: string): DataError {
  return new DataError('cancelled', `${action} was cancelled`, 'Run the search again.');
}
