import type { NavModelItem } from '@grafana/data';

/**
 * The flow page's place in Grafana's breadcrumbs: "Tasks › Task <id>" (or "Trace <id>"). Grafana builds the trail
 * from the page's pageNav and its parents, then the app's nav; the Tasks parent shares the app's default URL, so
 * Grafana shows it once.
 */
export function flowPageNav(mode: 'task' | 'trace', id: string, tasksHref: string): NavModelItem {
  return {
    text: `${mode === 'trace' ? 'Trace' : 'Task'} ${id}`,
    parentItem: { text: 'Tasks', url: tasksHref },
  };
}
