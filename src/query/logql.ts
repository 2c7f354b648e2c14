// LogQL builders: the only place this app writes LogQL. One filter, four ways Tasker's logs can reach Loki.
import { InvalidQueryInputError, type QueryInputField } from './errors';
import { checkFilter, type CheckedFilter } from './filter';
import { goQuote } from './goString';
import { requireSpanId, requireTraceId, requireUuid } from './ids';
import { escapeRegexLiteral, exactAlternativesRegex } from './regex';
import { resolveQuerySettings, type ResolvedQuerySettings } from './settings';
import type { QuerySettings, TaskFilter } from './types';

/** One condition of a log query: the line has field `key` equal to `value` (several pairs: any of them). */
interface FieldMatch {
  field: QueryInputField;
  pairs: Array<{ key: string; value: string }>;
}

/** Hex-and-dash text appears verbatim in a logfmt or JSON line, so it can be looked for before parsing. */
const VERBATIM_ID = /^[0-9a-f-]+$/;
/** UUIDs and trace/span ids, which tracing writes bare (Display), never in quotes. */
const BARE_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16}|[0-9a-f]{32})$/;

function quote(value: string, field: QueryInputField): string {
  const quoted = goQuote(value);
  if (quoted === undefined) {
    throw new InvalidQueryInputError(field, 'text (well-formed Unicode)', value);
  }
  return quoted;
}

function streamSelector(services: readonly string[], s: ResolvedQuerySettings): string {
  if (services.length === 0) {
    return `{${s.streamLabel}=~${quote(s.streamRegex, 'services')}}`;
  }
  if (services.length === 1) {
    return `{${s.streamLabel}=${quote(services[0], 'services')}}`;
  }
  return `{${s.streamLabel}=~${quote(exactAlternativesRegex(services), 'services')}}`;
}

/** A fast substring filter ahead of the exact check, when the group looks for one id. */
function prefilter(match: FieldMatch, mode: ResolvedQuerySettings['logMode']): string | undefined {
  const values = new Set(match.pairs.map((p) => p.value));
  const [only] = values;
  if (mode === 'structured-metadata' || values.size !== 1 || !VERBATIM_ID.test(only)) {
    return undefined;
  }
  if (mode === 'line-filter') {
    // Plain text holds `key=value` only for bare ids; anything else may be written `key="value"`.
    if (!BARE_ID.test(only)) {
      return undefined;
    }
    return `|= ${quote(match.pairs.length === 1 ? `${match.pairs[0].key}=${only}` : only, match.field)}`;
  }
  return `|= ${quote(only, match.field)}`;
}

/**
 * Plain-text lines (tracing's default format) hold fields as `key=value` separated by spaces, inside `span{...}` or
 * after the message; a Debug-formatted string value is in double quotes. The regex checks whole keys and values.
 */
function lineFieldRegex(match: FieldMatch): string {
  const alternatives = match.pairs.map(({ key, value }) => {
    const v = escapeRegexLiteral(value);
    // Ids are written bare (Display); other strings may be Debug-formatted, i.e. in quotes.
    return `${escapeRegexLiteral(key)}=${BARE_ID.test(value) ? v : `(?:${v}|"${v}")`}`;
  });
  return `(?:^|[\\s{])(?:${alternatives.join('|')})(?:[\\s}]|$)`;
}

function labelCondition(match: FieldMatch): string {
  const parts = match.pairs.map(({ key, value }) => `${key}=${quote(value, match.field)}`);
  return parts.length === 1 ? `| ${parts[0]}` : `| (${parts.join(' or ')})`;
}

/** Assembles selector, line filters, parser and label filters in the order Loki evaluates cheapest first. */
function assemble(
  s: ResolvedQuerySettings,
  services: readonly string[],
  matches: readonly FieldMatch[],
  extra: { text?: string; level?: string } = {}
): string {
  const lineFilters: string[] = [];
  const regexFilters: string[] = [];
  const labelFilters: string[] = [];
  if (extra.text !== undefined) {
    lineFilters.push(`|= ${quote(extra.text, 'text')}`);
  }
  for (const match of matches) {
    const fast = prefilter(match, s.logMode);
    if (fast !== undefined) {
      lineFilters.push(fast);
    }
    if (s.logMode === 'line-filter') {
      regexFilters.push(`|~ ${quote(lineFieldRegex(match), match.field)}`);
    } else {
      labelFilters.push(labelCondition(match));
    }
  }
  if (extra.level !== undefined) {
    // Loki's detected_level is lower case, OTLP severity_text and logfmt levels are often upper case.
    const pattern = `(?i)^${escapeRegexLiteral(extra.level.trim())}$`;
    labelFilters.push(`| ${s.logFields.level}=~${quote(pattern, 'level')}`);
  }
  const parser = s.logMode === 'logfmt' ? ['| logfmt'] : s.logMode === 'json' ? ['| json'] : [];
  const stages = [...lineFilters, ...regexFilters, ...(labelFilters.length > 0 ? parser : []), ...labelFilters];
  return [streamSelector(services, s), ...stages].join(' ');
}

function single(field: QueryInputField, key: string, value: string | undefined): FieldMatch[] {
  return value === undefined ? [] : [{ field, pairs: [{ key, value }] }];
}

function filterMatches(f: CheckedFilter, s: ResolvedQuerySettings): FieldMatch[] {
  const k = s.logFields;
  return [
    ...single('correlationId', k.correlationId, f.correlationId),
    ...single('taskUuid', k.taskUuid, f.taskUuid),
    ...single('stepUuid', k.stepUuid, f.stepUuid),
    ...(f.namespace.length > 0
      ? [{ field: 'namespace' as const, pairs: f.namespace.map((value) => ({ key: k.namespace, value })) }]
      : []),
    ...single('taskName', k.taskName, f.taskName),
    ...single('stepName', k.stepName, f.stepName),
  ];
}

/**
 * Log lines that match the filter. Span-only fields (status, durations) are ignored. An empty filter gives every
 * line of Tasker's streams.
 */
export function buildLogQL(filter: TaskFilter, settings?: Partial<QuerySettings>): string {
  const s = resolveQuerySettings(settings);
  const f = checkFilter(filter);
  return assemble(s, f.services, filterMatches(f, s), { text: f.text, level: f.level });
}

/** Logs of one task: a bare id may be a task_uuid or a correlation_id, so either field matches. */
export function buildTaskLogsLogQL(taskId: string, settings?: Partial<QuerySettings>): string {
  const s = resolveQuerySettings(settings);
  const id = requireUuid('taskId', taskId);
  const pairs = [
    { key: s.logFields.taskUuid, value: id },
    { key: s.logFields.correlationId, value: id },
  ];
  return assemble(s, [], [{ field: 'taskId', pairs }]);
}

/** Logs written inside one trace (OTLP logs carry trace_id; plain stdout lines from Tasker do not). */
export function buildTraceLogsLogQL(traceId: string, settings?: Partial<QuerySettings>): string {
  const s = resolveQuerySettings(settings);
  return assemble(s, [], single('traceId', s.logFields.traceId, requireTraceId(traceId)));
}

/** Logs written inside one span of one trace. */
export function buildSpanLogsLogQL(traceId: string, spanId: string, settings?: Partial<QuerySettings>): string {
  const s = resolveQuerySettings(settings);
  return assemble(
    s,
    [],
    [
      ...single('traceId', s.logFields.traceId, requireTraceId(traceId)),
      ...single('spanId', s.logFields.spanId, requireSpanId(spanId)),
    ]
  );
}
