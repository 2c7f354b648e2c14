import { PLUGIN_BASE_URL, ROUTES } from '../../constants';

/** The task flow page of a task, carrying the list's time range so the flow looks in the same window. */
export function taskFlowHref(key: string, range?: { from: string; to: string }): string {
  const base = `${PLUGIN_BASE_URL}/${ROUTES.Tasks}/${encodeURIComponent(key)}`;
  if (!range) {
    return base;
  }
  const q = new URLSearchParams({ from: range.from, to: range.to });
  return `${base}?${q.toString()}`;
}
