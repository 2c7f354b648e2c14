import type { TimeRange } from '@grafana/data';
import { buildLogQL, buildTaskListTraceQL, logsPane, traceqlSearchPane } from '../../query';
import type { TaskFilter } from '../../query/types';
import type { ResolvedSettings } from '../../settings/types';
import { exploreUrl, exploreUrlRange, type ExploreLinkContext } from '../common/exploreUrl';
import type { PreviewQuery } from './QueryPreview';

function attempt(build: () => string): { query?: string; problem?: string } {
  try {
    return { query: build() };
  } catch (e) {
    return { problem: e instanceof Error ? e.message : String(e) };
  }
}

/** The TraceQL and LogQL a filter stands for, with Explore links over the same range in the user's organisation. */
export function queryPreviews(
  filter: TaskFilter,
  settings: ResolvedSettings,
  range: TimeRange,
  explore: ExploreLinkContext | undefined,
  traceLimit: number
): PreviewQuery[] {
  // As the time picker holds it: relative edges stay relative in Explore.
  const r = exploreUrlRange(range.raw);
  const traceql = attempt(() => buildTaskListTraceQL(filter, settings.query));
  const logql = attempt(() => buildLogQL(filter, settings.query));
  const link = (build: (context: ExploreLinkContext) => string) => {
    if (!explore) {
      return undefined;
    }
    try {
      return build(explore);
    } catch {
      return undefined;
    }
  };
  return [
    {
      language: 'TraceQL',
      ...traceql,
      exploreHref:
        traceql.query === undefined
          ? undefined
          : link((context) =>
              exploreUrl({ search: traceqlSearchPane(settings.tempoUid, traceql.query!, r, traceLimit) }, context)
            ),
    },
    {
      language: 'LogQL',
      ...logql,
      exploreHref:
        logql.query === undefined
          ? undefined
          : link((context) => exploreUrl({ logs: logsPane(settings.lokiUid, logql.query!, r) }, context)),
    },
  ];
}
