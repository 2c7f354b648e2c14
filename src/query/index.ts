// Public surface of the query core. Pure TypeScript: no React, no @grafana/runtime. The grammar checks live in
// './grammar' (import them directly; they pull in the Lezer parsers).
export * from './types';
export { InvalidQueryInputError, InvalidQuerySettingError, type QueryInputField } from './errors';
export {
  DEFAULT_QUERY_SETTINGS,
  resolveQuerySettings,
  validateQuerySettings,
  ATTRIBUTE_FIELDS,
  LOG_MODES,
  type ResolvedQuerySettings,
} from './settings';
export {
  buildTraceQL,
  buildTaskListTraceQL,
  buildTaskListByIdsTraceQL,
  buildTaskSpansTraceQL,
  buildStepSpansTraceQL,
  traceqlAttribute,
  TASK_LIST_COLUMNS,
  type TaskRef,
} from './traceql';
export { buildLogQL, buildTaskLogsLogQL, buildTraceLogsLogQL, buildSpanLogsLogQL } from './logql';
export {
  buildTraceqlMetric,
  buildPromqlMetric,
  type TaskMetric,
  type MetricGroupBy,
  type TraceqlMetricOptions,
  type PromqlMetricOptions,
} from './metrics';
export * from './explore';
export { parseDurationNs, formatDurationNs } from './duration';
export { isUuid } from './ids';
