// Checks a TaskFilter once, for both query languages: blank means unset, ids must be UUIDs, durations must parse.
import { requireDuration } from './duration';
import { InvalidQueryInputError, type QueryInputField } from './errors';
import { requireUuid } from './ids';
import type { SpanStatus, TaskFilter } from './types';
import { isWellFormedUnicode } from './unicode';

export interface CheckedFilter {
  correlationId?: string;
  taskUuid?: string;
  stepUuid?: string;
  namespace: string[];
  taskName?: string;
  stepName?: string;
  services: string[];
  status?: SpanStatus;
  minDurationNs?: bigint;
  maxDurationNs?: bigint;
  text?: string;
  level?: string;
}

const STATUSES: readonly SpanStatus[] = ['error', 'ok', 'unset'];
const TEXT_EXPECTED = 'text (well-formed Unicode)';

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Text values are kept exactly as given (no trimming): they are matched as they are. */
function checkText(field: QueryInputField, value: unknown): string | undefined {
  if (isBlank(value)) {
    return undefined;
  }
  if (typeof value !== 'string' || !isWellFormedUnicode(value)) {
    throw new InvalidQueryInputError(field, TEXT_EXPECTED, value);
  }
  return value;
}

function checkList(field: QueryInputField, value: unknown): string[] {
  if (isBlank(value)) {
    return [];
  }
  // A single string (e.g. from a URL parameter) counts as a one-item list.
  const items: unknown[] = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    const text = checkText(field, item);
    if (text !== undefined && !out.includes(text)) {
      out.push(text);
    }
  }
  return out;
}

export function checkFilter(filter: TaskFilter | null | undefined): CheckedFilter {
  const f: TaskFilter = filter ?? {};
  if (typeof f !== 'object') {
    throw new InvalidQueryInputError('filter', 'an object', f);
  }
  const checked: CheckedFilter = {
    namespace: checkList('namespace', f.namespace),
    services: checkList('services', f.services),
    taskName: checkText('taskName', f.taskName),
    stepName: checkText('stepName', f.stepName),
    text: checkText('text', f.text),
    level: checkText('level', f.level),
  };
  if (!isBlank(f.correlationId)) {
    checked.correlationId = requireUuid('correlationId', f.correlationId);
  }
  if (!isBlank(f.taskUuid)) {
    checked.taskUuid = requireUuid('taskUuid', f.taskUuid);
  }
  if (!isBlank(f.stepUuid)) {
    checked.stepUuid = requireUuid('stepUuid', f.stepUuid);
  }
  if (!isBlank(f.status)) {
    const status = typeof f.status === 'string' ? f.status.trim().toLowerCase() : f.status;
    if (!STATUSES.includes(status as SpanStatus)) {
      throw new InvalidQueryInputError('status', "'error', 'ok' or 'unset'", f.status);
    }
    checked.status = status as SpanStatus;
  }
  if (!isBlank(f.minDuration)) {
    checked.minDurationNs = requireDuration('minDuration', f.minDuration);
  }
  if (!isBlank(f.maxDuration)) {
    checked.maxDurationNs = requireDuration('maxDuration', f.maxDuration);
  }
  if (
    checked.minDurationNs !== undefined &&
    checked.maxDurationNs !== undefined &&
    checked.minDurationNs > checked.maxDurationNs
  ) {
    throw new InvalidQueryInputError(
      'minDuration',
      `a duration not above maxDuration (${String(f.maxDuration).trim()})`,
      f.minDuration
    );
  }
  return checked;
}
