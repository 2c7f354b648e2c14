// TraceQL metrics over a task's history: how long each step usually takes in a namespace. Instant queries over a
// look-back window (Grafana's Tempo datasource sends them with `metricsQueryType: 'instant'`).
import { InvalidQueryInputError, type QueryInputField } from './errors';
import { requireUuid } from './ids';
import { resolveQuerySettings, type ResolvedQuerySettings } from './settings';
import { formatTraceqlAttribute } from './traceqlAttribute';
import { traceqlDoubleQuote, traceqlEquals } from './traceqlValue';
import type { QuerySettings } from './types';

/** The quantiles the history compares with; Tempo labels each series `p` = the quantile. */
export const HISTORY_QUANTILES = [0.5, 0.95] as const;

export interface StepHistoryQuery {
  /** The task's namespace: the history is that namespace's steps. */
  namespace: string;
  /**
   * Names of the spans that measure a step's execution (e.g. `execute_step`, `worker.step_execution`): the
   * execution spans of the task being compared, so like is compared with like.
   */
  spanNames: readonly string[];
  /** The task on screen (its task_uuid): not part of its own history. */
  excludeTaskUuid?: string;
}

function requireText(field: QueryInputField, value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw new InvalidQueryInputError(field, 'a non-empty string', value);
  }
  return value;
}

function equals(attribute: string, value: string, field: QueryInputField): string {
  const condition = traceqlEquals(attribute, value);
  if (condition === undefined) {
    throw new InvalidQueryInputError(field, 'text (well-formed Unicode)', value);
  }
  return condition;
}

function stepNameAttribute(s: ResolvedQuerySettings): string {
  return formatTraceqlAttribute(s.attributes.stepName, 'attributes.stepName');
}

/** The spans of every step execution in the namespace that carries a step name. */
function stepSpans(q: StepHistoryQuery, s: ResolvedQuerySettings, extra: string[] = []): string {
  const namespace = requireText('namespace', q?.namespace);
  const names = Array.from(new Set(Array.isArray(q?.spanNames) ? q.spanNames : [])).map((n) =>
    requireText('filter', n)
  );
  if (names.length === 0) {
    throw new InvalidQueryInputError('filter', 'at least one span name', q?.spanNames);
  }
  const nameParts = names.map((n) => equals('name', n, 'filter'));
  const parts = [
    `resource.service.name =~ ${traceqlDoubleQuote(s.serviceRegex)}`,
    equals(formatTraceqlAttribute(s.attributes.namespace, 'attributes.namespace'), namespace, 'namespace'),
    nameParts.length === 1 ? nameParts[0] : `(${nameParts.join(' || ')})`,
    `${stepNameAttribute(s)} != nil`,
    ...(q.excludeTaskUuid === undefined
      ? []
      : [
          `${formatTraceqlAttribute(s.attributes.taskUuid, 'attributes.taskUuid')} != ${traceqlDoubleQuote(
            requireUuid('taskUuid', q.excludeTaskUuid)
          )}`,
        ]),
    ...extra,
  ];
  return `{${parts.join(' && ')}}`;
}

/**
 * p50 and p95 of the step execution spans' duration per step name, failed spans left out:
 * `{… && status != error} | quantile_over_time(duration, 0.5, 0.95) by (span.step_name)`. Tempo answers in seconds.
 */
export function buildStepHistoryQuantilesTraceQL(q: StepHistoryQuery, settings?: Partial<QuerySettings>): string {
  const s = resolveQuerySettings(settings);
  const spans = stepSpans(q, s, ['status != error']);
  return `${spans} | quantile_over_time(duration, ${HISTORY_QUANTILES.join(', ')}) by (${stepNameAttribute(s)})`;
}

/** How many step executions there were per step name and status (failed ones are counted apart). */
export function buildStepHistoryCountTraceQL(q: StepHistoryQuery, settings?: Partial<QuerySettings>): string {
  const s = resolveQuerySettings(settings);
  return `${stepSpans(q, s)} | count_over_time() by (${stepNameAttribute(s)}, status)`;
}
