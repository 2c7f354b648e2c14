import type { TimeRange } from '@grafana/data';
import { buildLogQL, buildSpanLogsLogQL, buildTaskLogsLogQL, buildTraceLogsLogQL } from '../query';
import type { TaskFilter } from '../query/types';
import type { ResolvedSettings } from '../settings/types';
import { getTaskerDatasource } from './datasources';
import { buildOrThrow } from './invalidQuery';
import { parseLogFrames } from './logFrames';
import type { LogRow } from './logRow';
import { runQuery } from './runQuery';
import type { LokiTarget } from './targets';

export type { LogRow } from './logRow';

export const DEFAULT_LOG_LIMIT = 500;

/** What to read logs for: a filter, one task (id = correlation_id or task_uuid), a trace, or one span. */
export type LogTarget = { filter: TaskFilter } | { taskId: string } | { traceId: string; spanId?: string };

export interface QueryLogsOptions {
  signal?: AbortSignal;
  limit?: number;
  timeoutMs?: number;
}

/** The LogQL a log target stands for (exported for previews and Explore links). */
export function logQLFor(target: LogTarget, settings: ResolvedSettings): string {
  if ('filter' in target) {
    return buildOrThrow(() => buildLogQL(target.filter, settings.query), 'LogQL query');
  }
  if ('taskId' in target) {
    return buildOrThrow(() => buildTaskLogsLogQL(target.taskId, settings.query), 'LogQL query');
  }
  const { traceId, spanId } = target;
  return spanId
    ? buildOrThrow(() => buildSpanLogsLogQL(traceId, spanId, settings.query), 'LogQL query')
    : buildOrThrow(() => buildTraceLogsLogQL(traceId, settings.query), 'LogQL query');
}

/** Log lines from Loki for a filter, a task, a trace, or one span; newest first. */
export async function queryLogs(
  target: LogTarget,
  range: TimeRange,
  settings: ResolvedSettings,
  options: QueryLogsOptions = {}
): Promise<LogRow[]> {
  const expr = logQLFor(target, settings);
  const ds = await getTaskerDatasource('loki', settings);
  const lokiTarget: LokiTarget = {
    refId: 'A',
    expr,
    queryType: 'range',
    maxLines: Math.max(1, Math.floor(options.limit ?? DEFAULT_LOG_LIMIT)),
    direction: 'backward',
  };
  const frames = await runQuery(ds, [lokiTarget], range, {
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    action: 'Loki query',
  });
  return parseLogFrames(frames, settings.query);
}
