import { dateTime } from '@grafana/data';
import { tracePane } from '../../query';
import { PLUGIN_BASE_URL, ROUTES } from '../../constants';
import type { LogRow } from '../../data/logRow';
import { exploreUrl, exploreUrlRange, type ExploreLinkContext } from '../common/exploreUrl';

/** Half-width of the Explore time window around a log line: a task's traces lie near its logs. */
export const EXPLORE_WINDOW_MS = 60 * 60_000;

/** The task flow page of the task a line belongs to (task_uuid preferred, as the task list keys rows). */
export function taskFlowPath(row: LogRow): string | undefined {
  const id = row.taskUuid ?? row.correlationId;
  return id ? `${PLUGIN_BASE_URL}/${ROUTES.Tasks}/${encodeURIComponent(id)}` : undefined;
}

/** The one-trace flow page. */
export function traceFlowPath(traceId: string): string {
  return `${PLUGIN_BASE_URL}/${ROUTES.Trace}/${encodeURIComponent(traceId)}`;
}

/**
 * The line's trace in Explore, focused on its span when the line names one. Undefined if the ids are unusable or
 * the user may not use Explore (no context).
 */
export function traceExploreHref(
  row: LogRow,
  tempoUid: string,
  explore: ExploreLinkContext | undefined
): string | undefined {
  if (!row.traceId || !explore) {
    return undefined;
  }
  try {
    const around = exploreUrlRange({
      from: dateTime(row.timeMs - EXPLORE_WINDOW_MS),
      to: dateTime(row.timeMs + EXPLORE_WINDOW_MS),
    });
    return exploreUrl({ trace: tracePane(tempoUid, row.traceId, around, row.spanId) }, explore);
  } catch {
    return undefined;
  }
}
