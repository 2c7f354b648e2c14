import type { TimeRange } from '@grafana/data';
import { buildLogQL, buildTaskListTraceQL, exploreLogsUrl, exploreTraceqlSearchUrl } from '../../query';
import type { TaskFilter } from '../../query/types';
import type { ResolvedSettings } from '../../settings/types';
import type { PreviewQuery } from './QueryPreview';
import { exploreRange } from './timeParams';

function attempt(build: () => string): { query?: string; problem?: string } {
  try {
    return { query: build() };
  } catch (e) {
    return { problem: e instanceof Error ? e.message : String(e) };
  }
}

/** The TraceQL and LogQL a filter stands for, with Explore links over the same range. */
export function queryPreviews(
  filter: TaskFilter,
  settings: ResolvedSettings,
  range: TimeRange,
  appSubUrl: string | undefined,
  traceLimit: number
): PreviewQuery[] {
  const r = exploreRange(range);
  const traceql = attempt(() => buildTaskListTraceQL(filter, settings.query));
  const logql = attempt(() => buildLogQL(filter, settings.query));
  const link = (build: () => string) => {
    try {
      return build();
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
          : link(() =>
              exploreTraceqlSearchUrl(
                { tempoUid: settings.tempoUid, query: traceql.query!, range: r, limit: traceLimit },
                { appSubUrl }
              )
            ),
    },
    {
      language: 'LogQL',
      ...logql,
      exploreHref:
        logql.query === undefined
          ? undefined
          : link(() => exploreLogsUrl({ lokiUid: settings.lokiUid, query: logql.query!, range: r }, { appSubUrl })),
    },
  ];
}
