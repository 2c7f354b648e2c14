// TraceQL builders: the only place this app writes TraceQL.
import { formatDurationNs } from './duration';
import { InvalidQueryInputError, type QueryInputField } from './errors';
import { checkFilter, type CheckedFilter } from './filter';
import { requireUuid } from './ids';
import { resolveQuerySettings, type ResolvedQuerySettings } from './settings';
import { formatTraceqlAttribute } from './traceqlAttribute';
import { traceqlDoubleQuote, traceqlEquals } from './traceqlValue';
import type { AttributeField, QuerySettings, TaskFilter } from './types';

const SERVICE_ATTRIBUTE = 'resource.service.name';

/** The attribute reference a filter field uses under these settings, e.g. `span.correlation_id`. */
export function traceqlAttribute(field: AttributeField, settings?: Partial<QuerySettings>): string {
  return attributeOf(field, resolveQuerySettings(settings));
}

function attributeOf(field: AttributeField, settings: ResolvedQuerySettings): string {
  return formatTraceqlAttribute(settings.attributes[field], `attributes.${field}`);
}

function equals(attribute: string, value: string, field: QueryInputField): string {
  const condition = traceqlEquals(attribute, value);
  if (condition === undefined) {
    throw new InvalidQueryInputError(field, 'text (well-formed Unicode)', value);
  }
  return condition;
}

/** OR of equalities, in parentheses when there are several. */
function equalsAny(attribute: string, values: readonly string[], field: QueryInputField): string {
  const parts = values.map((v) => equals(attribute, v, field));
  return parts.length === 1 ? parts[0] : `(${parts.join(' || ')})`;
}

/** Chosen services, or every Tasker service. */
function serviceCondition(services: readonly string[], settings: ResolvedQuerySettings): string {
  return services.length > 0
    ? equalsAny(SERVICE_ATTRIBUTE, services, 'services')
    : `${SERVICE_ATTRIBUTE} =~ ${traceqlDoubleQuote(settings.serviceRegex)}`;
}

function conditions(f: CheckedFilter, s: ResolvedQuerySettings): string[] {
  const out = [serviceCondition(f.services, s)];
  if (f.correlationId !== undefined) {
    out.push(equals(attributeOf('correlationId', s), f.correlationId, 'correlationId'));
  }
  if (f.taskUuid !== undefined) {
    out.push(equals(attributeOf('taskUuid', s), f.taskUuid, 'taskUuid'));
  }
  if (f.stepUuid !== undefined) {
    out.push(equals(attributeOf('stepUuid', s), f.stepUuid, 'stepUuid'));
  }
  if (f.namespace.length > 0) {
    out.push(equalsAny(attributeOf('namespace', s), f.namespace, 'namespace'));
  }
  if (f.taskName !== undefined) {
    out.push(equals(attributeOf('taskName', s), f.taskName, 'taskName'));
  }
  if (f.stepName !== undefined) {
    out.push(equals(attributeOf('stepName', s), f.stepName, 'stepName'));
  }
  if (f.status !== undefined) {
    out.push(`status = ${f.status}`);
  }
  if (f.minDurationNs !== undefined) {
    out.push(`duration >= ${formatDurationNs(f.minDurationNs)}`);
  }
  if (f.maxDurationNs !== undefined) {
    out.push(`duration <= ${formatDurationNs(f.maxDurationNs)}`);
  }
  return out;
}

function spanset(parts: readonly string[]): string {
  return `{${parts.join(' && ')}}`;
}

/**
 * Spans that match every field of the filter (`text` and `level` are for logs and are ignored here).
 * An empty filter gives every span of Tasker's services.
 */
export function buildTraceQL(filter: TaskFilter, settings?: Partial<QuerySettings>): string {
  const s = resolveQuerySettings(settings);
  return spanset(conditions(checkFilter(filter), s));
}

/**
 * The `q=` of Tempo's tag-values API (v2, Tempo 2.3+): values seen only on spans of Tasker's services, so the
 * filters offer Tasker's namespaces and services rather than every tag value in Tempo.
 */
export function buildTaskerScopeTraceQL(settings?: Partial<QuerySettings>): string {
  return spanset([serviceCondition([], resolveQuerySettings(settings))]);
}

/** The columns the task list shows, in this order. */
export const TASK_LIST_COLUMNS: readonly AttributeField[] = [
  'correlationId',
  'taskUuid',
  'namespace',
  'taskName',
  'stepName',
  'stepUuid',
];

/**
 * TraceQL query hint asking Tempo for the most recent matches. Without it Tempo returns the first matches it finds,
 * in no particular order (grafana/tempo#2476), so a list limited to N traces could miss the newest tasks. Tempo 2.6+
 * serves it; Grafana's TraceQL grammar parses it (`WithHint`).
 */
export const MOST_RECENT_HINT = 'with (most_recent=true)';

/**
 * `buildTraceQL` plus `| select(...)` of the task list's columns, the service name and the span status, asking for
 * the most recent matches. Callers must still order the rows themselves: span sets come in no guaranteed order.
 */
export function buildTaskListTraceQL(filter: TaskFilter, settings?: Partial<QuerySettings>): string {
  const s = resolveQuerySettings(settings);
  const columns = [...TASK_LIST_COLUMNS.map((field) => attributeOf(field, s)), SERVICE_ATTRIBUTE, 'status'];
  // Only spans that name a task or a step can become a row; without this, Tasker's polling traces (no ids) can
  // use up the search limit and leave the list empty.
  const ids = (['taskUuid', 'correlationId', 'stepUuid'] as const).map((field) => `${attributeOf(field, s)} != nil`);
  const parts = [...conditions(checkFilter(filter), s), `(${ids.join(' || ')})`];
  return `${spanset(parts)} | select(${columns.join(', ')}) ${MOST_RECENT_HINT}`;
}

/**
 * The task list's columns for tasks already found, by their ids: a search by namespace or name sees only the spans
 * that carry those attributes, so the list asks again by id for the rest (correlation_id, task name, finalization).
 */
export function buildTaskListByIdsTraceQL(
  ids: { taskUuids?: readonly string[]; correlationIds?: readonly string[] },
  settings?: Partial<QuerySettings>
): string {
  const s = resolveQuerySettings(settings);
  const unique = (values: readonly string[] | undefined, field: QueryInputField) =>
    Array.from(new Set((values ?? []).map((id) => requireUuid(field, id))));
  const taskUuids = unique(ids?.taskUuids, 'taskUuid');
  const correlationIds = unique(ids?.correlationIds, 'correlationId');
  const alternatives = [
    ...taskUuids.map((id) => equals(attributeOf('taskUuid', s), id, 'taskUuid')),
    ...correlationIds.map((id) => equals(attributeOf('correlationId', s), id, 'correlationId')),
  ];
  if (alternatives.length === 0) {
    throw new InvalidQueryInputError('taskId', 'at least one task_uuid or correlation_id', ids);
  }
  const either = alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' || ')})`;
  const columns = [...TASK_LIST_COLUMNS.map((field) => attributeOf(field, s)), SERVICE_ATTRIBUTE, 'status'];
  return `${spanset([serviceCondition([], s), either])} | select(${columns.join(', ')})`;
}

/** One task, known by its task_uuid, its correlation_id, or both. */
export interface TaskRef {
  taskUuid?: string;
  correlationId?: string;
}

/**
 * tasker-core's `worker.step_completion_received` spans carry the task's correlation_id in a plain string attribute
 * named `trace_id`, and `span-<step_uuid>` in one named `span_id` (not OTel ids). They are the only worker spans tied
 * to the task, and the only place a search can learn the ids of the task's steps from.
 */
export const WORKER_CORRELATION_ATTRIBUTE = formatTraceqlAttribute({ scope: 'span', key: 'trace_id' }, 'trace_id');
// Written `span."span_id"`: Grafana's grammar reads an unquoted name that starts with a scope word as a scope.
export const WORKER_STEP_ATTRIBUTE = formatTraceqlAttribute({ scope: 'span', key: 'span_id' }, 'span_id');

/** The ids a task search selects, so that the next search round can follow them. */
function idColumns(s: ResolvedQuerySettings): string {
  const ids = (['correlationId', 'taskUuid', 'stepUuid'] as const).map((field) => attributeOf(field, s));
  return ` | select(${[...ids, WORKER_STEP_ATTRIBUTE].join(', ')})`;
}

/**
 * Every span of one task across all its traces (Tasker does not propagate context, so one task has many traces).
 * A bare id (the `tasks/:taskId` route) may be either kind, so it is matched against both attributes: the creation
 * span carries only correlation_id, enqueue and finalization spans carry task_uuid. A correlation_id is also looked
 * for in the worker's `trace_id` string attribute. The ids are selected so the caller can search again by them.
 */
export function buildTaskSpansTraceQL(task: string | TaskRef, settings?: Partial<QuerySettings>): string {
  const s = resolveQuerySettings(settings);
  const alternatives: string[] = [];
  if (typeof task === 'string') {
    const id = requireUuid('taskId', task);
    alternatives.push(equals(attributeOf('taskUuid', s), id, 'taskId'));
    alternatives.push(equals(attributeOf('correlationId', s), id, 'taskId'));
    alternatives.push(equals(WORKER_CORRELATION_ATTRIBUTE, id, 'taskId'));
  } else {
    const blank = (v: string | undefined) => v === undefined || v === null || v.trim() === '';
    if (!blank(task?.taskUuid)) {
      alternatives.push(equals(attributeOf('taskUuid', s), requireUuid('taskUuid', task.taskUuid), 'taskUuid'));
    }
    if (!blank(task?.correlationId)) {
      const id = requireUuid('correlationId', task.correlationId);
      alternatives.push(equals(attributeOf('correlationId', s), id, 'correlationId'));
      alternatives.push(equals(WORKER_CORRELATION_ATTRIBUTE, id, 'correlationId'));
    }
    if (alternatives.length === 0) {
      throw new InvalidQueryInputError('taskId', 'a task_uuid or a correlation_id', task);
    }
  }
  const either = alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' || ')})`;
  return spanset([serviceCondition([], s), either]) + idColumns(s);
}

/**
 * Spans of the given steps: the second search for a task, because result-processing spans carry only step_uuid and
 * several worker spans carry a fresh correlation_id. Callers with very many steps should split the list.
 */
export function buildStepSpansTraceQL(stepUuids: readonly string[], settings?: Partial<QuerySettings>): string {
  const s = resolveQuerySettings(settings);
  const ids = Array.from(new Set((stepUuids ?? []).map((id) => requireUuid('stepUuids', id))));
  if (ids.length === 0) {
    throw new InvalidQueryInputError('stepUuids', 'at least one step UUID', stepUuids);
  }
  return spanset([serviceCondition([], s), equalsAny(attributeOf('stepUuid', s), ids, 'stepUuids')]) + idColumns(s);
}

/** Ids a task search round found, to follow in the next round. */
export interface TaskFollowUp {
  taskUuids?: readonly string[];
  correlationIds?: readonly string[];
  stepUuids?: readonly string[];
}

/**
 * One search for everything a task search round found (task_uuids, correlation_ids, step_uuids), in place of one
 * search per kind of id: Grafana's Tempo backend runs a request's queries one after another, so each query costs a
 * round trip. Callers with very many steps should split the step list (one request each, run in parallel).
 */
export function buildTaskFollowUpTraceQL(ids: TaskFollowUp, settings?: Partial<QuerySettings>): string {
  const s = resolveQuerySettings(settings);
  const unique = (values: readonly string[] | undefined, field: QueryInputField) =>
    Array.from(new Set((values ?? []).map((id) => requireUuid(field, id))));
  const alternatives = [
    ...unique(ids?.taskUuids, 'taskUuid').map((id) => equals(attributeOf('taskUuid', s), id, 'taskUuid')),
    ...unique(ids?.correlationIds, 'correlationId').flatMap((id) => [
      equals(attributeOf('correlationId', s), id, 'correlationId'),
      equals(WORKER_CORRELATION_ATTRIBUTE, id, 'correlationId'),
    ]),
    ...unique(ids?.stepUuids, 'stepUuids').map((id) => equals(attributeOf('stepUuid', s), id, 'stepUuids')),
  ];
  if (alternatives.length === 0) {
    throw new InvalidQueryInputError('taskId', 'at least one task_uuid, correlation_id or step_uuid', ids);
  }
  const either = alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' || ')})`;
  return spanset([serviceCondition([], s), either]) + idColumns(s);
}
