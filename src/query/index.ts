// Public surface of the query core. Pure TypeScript: no React, no @grafana/runtime. The grammar checks live in
// './grammar' (import them directly; they pull in the Lezer parsers).
export * from './types';
export { InvalidQueryInputError } from './errors';
export {
  DEFAULT_QUERY_SETTINGS,
  resolveQuerySettings,
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
  buildTaskFollowUpTraceQL,
  type TaskFollowUp,
  MOST_RECENT_HINT,
  buildTaskerScopeTraceQL,
} from './traceql';
export {
  buildLogQL,
  buildTaskLogsLogQL,
  buildStepLogsLogQL,
  buildTraceLogsLogQL,
  buildSpanLogsLogQL,
  LOG_IDS_PER_QUERY,
  type TaskLogIds,
  type StepLogIds,
} from './logql';
export * from './explore';
export { parseDurationNs } from './duration';
export { isUuid, isTraceId, normalizeTraceId } from './ids';
