import pluginJson from './plugin.json';

export const PLUGIN_ID = pluginJson.id;
export const PLUGIN_BASE_URL = `/a/${pluginJson.id}`;

/** Routes under PLUGIN_BASE_URL, each value once. */
export const ROUTES = {
  /** The task list; tasks/:taskId is one task's flow, where taskId is a correlation_id or a task_uuid. */
  Tasks: 'tasks',
  /** trace/:traceId: one trace as a flow. */
  Trace: 'trace',
  Logs: 'logs',
  /** Open a task file (OTLP/JSON, Jaeger JSON) without any datasource. */
  File: 'file',
} as const;

export function prefixRoute(route: string): string {
  return `${PLUGIN_BASE_URL}/${route}`;
}
