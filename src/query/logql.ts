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

/** What a query adds beyond its field matches: free text, level, and a task's id condition (see `taskStages`). */
interface Extra {
  text?: string;
  level?: string;
  /** A rendered label-filter expression, e.g. `(trace_id=~"…" or task_uuid=~"…")`. */
  idCondition?: string;
  /** A rendered line regex: the line holds one of these ids. */
  idText?: string;
}

/** Assembles selector, line filters, parser and label filters in the order Loki evaluates cheapest first. */
function assemble(
  s: ResolvedQuerySettings,
  services: readonly string[],
  matches: readonly FieldMatch[],
  extra: Extra = {}
): string {
  const lineFilters: string[] = [];
  const regexFilters: string[] = [];
  const labelFilters: string[] = [];
  if (extra.text !== undefined) {
    lineFilters.push(`|= ${quote(extra.text, 'text')}`);
  }
  if (extra.idText !== undefined) {
    lineFilters.push(`|~ ${quote(extra.idText, 'taskId')}`);
  }
  if (extra.idCondition !== undefined) {
    labelFilters.push(`| ${extra.idCondition}`);
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

/** The ids a task's log lines may carry. Every list is optional; together they must hold at least one id. */
export interface TaskLogIds {
  correlationIds?: readonly string[];
  taskUuids?: readonly string[];
  stepUuids?: readonly string[];
  traceIds?: readonly string[];
}

/** One step's log lines: those written inside its spans, or carrying its step_uuid. */
export interface StepLogIds {
  stepUuid: string;
  spans: ReadonlyArray<{ traceId: string; spanId: string }>;
}

/** Ids per query: a task with many traces gets several queries, whose results the caller merges. */
export const LOG_IDS_PER_QUERY = 40;

type IdKind = 'correlationId' | 'taskUuid' | 'stepUuid' | 'traceId';
type IdOfKind = { kind: IdKind; id: string };

/**
 * Matches a field that holds one of `ids` as tracing records it: Display or Debug of a Uuid (`019a…`), Debug of a
 * String (`"019a…"`), Debug of an Option (`Some(019a…)`, `Some("019a…")`) — tasker-core's log_task!/log_step! write
 * `task_uuid = format!("{:?}", …)`, and the OTLP appender keeps that text as the attribute's value.
 */
function debugWrappedIdsRegex(ids: readonly string[]): string {
  const one = ids.length === 1 ? escapeRegexLiteral(ids[0]) : `(?:${ids.map(escapeRegexLiteral).join('|')})`;
  const bareOrQuoted = `(?:${one}|"${one}")`;
  return `^(?:${bareOrQuoted}|Some\\(${bareOrQuoted}\\))$`;
}

/** `key="id"` for one trace or span id (Loki stores them as lower-case hex), else an exact alternation. */
function exactIdFilter(key: string, ids: readonly string[], field: QueryInputField): string {
  return ids.length === 1 ? `${key}=${quote(ids[0], field)}` : `${key}=~${quote(exactAlternativesRegex(ids), field)}`;
}

function anyOf(parts: readonly string[]): string {
  return parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`;
}

/** The label-filter expression for a batch of ids: any of them, each kind in its own field. */
function idCondition(batch: readonly IdOfKind[], s: ResolvedQuerySettings): string {
  const parts: string[] = [];
  for (const kind of ['correlationId', 'taskUuid', 'stepUuid', 'traceId'] as const) {
    const ids = batch.filter((b) => b.kind === kind).map((b) => b.id);
    if (ids.length === 0) {
      continue;
    }
    const key = s.logFields[kind];
    parts.push(
      kind === 'traceId' ? exactIdFilter(key, ids, kind) : `${key}=~${quote(debugWrappedIdsRegex(ids), kind)}`
    );
  }
  return anyOf(parts);
}

/** The line holds one of the ids anywhere (Loki turns an alternation of literals into substring checks). */
function idTextRegex(ids: readonly string[]): string {
  return ids.map(escapeRegexLiteral).join('|');
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

function checkedTaskIds(ids: TaskLogIds): IdOfKind[] {
  const out: IdOfKind[] = [];
  const seen = new Set<string>();
  const add = (kind: IdKind, id: string) => {
    if (!seen.has(`${kind}:${id}`)) {
      seen.add(`${kind}:${id}`);
      out.push({ kind, id });
    }
  };
  for (const v of ids.correlationIds ?? []) {
    add('correlationId', requireUuid('correlationId', v));
  }
  for (const v of ids.taskUuids ?? []) {
    add('taskUuid', requireUuid('taskUuid', v));
  }
  for (const v of ids.stepUuids ?? []) {
    add('stepUuid', requireUuid('stepUuid', v));
  }
  for (const v of ids.traceIds ?? []) {
    add('traceId', requireTraceId(v));
  }
  if (out.length === 0) {
    throw new InvalidQueryInputError('taskId', 'at least one correlation_id, task_uuid, step_uuid or trace id', '');
  }
  return out;
}

/**
 * Logs of one task, as tasker-core writes them: OTLP log records carry the trace context of the span they were
 * written in (`trace_id`), but only the event's own fields as attributes, so most lines name no task at all. A line
 * belongs to the task when its trace_id is one of the task's traces, or a correlation_id / task_uuid / step_uuid
 * field holds one of its ids (plain or Debug-wrapped). In `line-filter` mode, lines whose text holds one of the ids
 * are asked for as well (plain text carries no structured metadata). Several queries when there are many ids:
 * merge their lines. `filter` narrows further (its correlationId and taskUuid are the task, so they are not repeated).
 */
export function buildTaskLogsLogQL(
  ids: TaskLogIds,
  settings?: Partial<QuerySettings>,
  filter: TaskFilter = {}
): string[] {
  const s = resolveQuerySettings(settings);
  const f = checkFilter(filter);
  const rest = filterMatches(f, s).filter((m) => m.field !== 'correlationId' && m.field !== 'taskUuid');
  const base = { text: f.text, level: f.level };
  const batches = chunks(checkedTaskIds(ids), LOG_IDS_PER_QUERY);
  const queries = batches.map((batch) =>
    assemble(s, f.services, rest, { ...base, idCondition: idCondition(batch, s) })
  );
  if (s.logMode === 'line-filter') {
    for (const batch of batches) {
      queries.push(assemble(s, f.services, rest, { ...base, idText: idTextRegex(batch.map((b) => b.id)) }));
    }
  }
  return queries;
}

/** Logs of one step: lines written inside one of its spans (trace_id and span_id), or carrying its step_uuid. */
export function buildStepLogsLogQL(step: StepLogIds, settings?: Partial<QuerySettings>): string[] {
  const s = resolveQuerySettings(settings);
  const stepUuid = requireUuid('stepUuid', step.stepUuid);
  const bySpan = new Map<string, string[]>();
  for (const span of step.spans) {
    const traceId = requireTraceId(span.traceId);
    const spanId = requireSpanId(span.spanId);
    const list = bySpan.get(traceId) ?? [];
    if (!list.includes(spanId)) {
      list.push(spanId);
    }
    bySpan.set(traceId, list);
  }
  const k = s.logFields;
  const spanParts = [...bySpan.entries()].map(
    ([traceId, spanIds]) =>
      `(${k.traceId}=${quote(traceId, 'traceId')} and ${exactIdFilter(k.spanId, spanIds, 'spanId')})`
  );
  const stepPart = `${k.stepUuid}=~${quote(debugWrappedIdsRegex([stepUuid]), 'stepUuid')}`;
  const batches = chunks(spanParts, LOG_IDS_PER_QUERY);
  const queries =
    batches.length === 0
      ? [assemble(s, [], [], { idCondition: stepPart })]
      : batches.map((batch, i) => assemble(s, [], [], { idCondition: anyOf(i === 0 ? [...batch, stepPart] : batch) }));
  if (s.logMode === 'line-filter') {
    queries.push(assemble(s, [], [], { idText: idTextRegex([stepUuid]) }));
  }
  return queries;
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
