import pluginJson from './plugin.json';

export const PLUGIN_ID = pluginJson.id;
export const PLUGIN_BASE_URL = `/a/${pluginJson.id}`;

/** Routes under PLUGIN_BASE_URL. */
export const ROUTES = {
  Tasks: 'tasks',
  /** tasks/:taskId, where taskId is a correlation_id or a task_uuid. */
  Task: 'tasks',
  /** trace/:traceId: one trace as a flow. */
  Trace: 'trace',
  Logs: 'logs',
} as const;

export function prefixRoute(route: string): string {
  return `${PLUGIN_BASE_URL}/${route}`;
}
