import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { TimeRange } from '@grafana/data';
import type { TaskFilter } from '../../query/types';
import type { ResolvedSettings } from '../../settings/types';
import { useAppSettings } from '../../settings/useAppSettings';
import { useAbortableQuery, type QueryState } from '../common/useAbortableQuery';
import { limitFromParams } from '../tasks/limitParam';
import { currentExploreContext } from '../common/currentExploreContext';
import type { PreviewQuery } from './QueryPreview';
import { queryPreviews } from './queryPreviews';
import { useTagOptions, type TagOptions } from './useTagOptions';
import { useUrlFilter, type UrlFilter } from './useUrlFilter';
import { useUrlTimeRange, type UrlTimeRange } from './useUrlTimeRange';

export interface FilterPageOptions<T> {
  /** Queries the data source for the applied filter (aborted when a newer search starts). */
  search: (
    filter: TaskFilter,
    range: TimeRange,
    settings: ResolvedSettings,
    options: { signal: AbortSignal; limit: number }
  ) => Promise<T>;
  /** Names the search in error messages, e.g. 'Tempo search'. */
  action: string;
  /** The `limit` when the URL has none, and the most it may ask for. */
  defaultLimit: (settings: ResolvedSettings) => number;
  maxLimit?: number;
  /** How many traces the TraceQL preview's Explore link asks for. */
  previewTraceLimit: (limit: number, settings: ResolvedSettings) => number;
}

export interface FilterPage<T> {
  settings: ResolvedSettings;
  params: URLSearchParams;
  setParams: ReturnType<typeof useSearchParams>[1];
  time: UrlTimeRange;
  filter: UrlFilter;
  tags: TagOptions;
  limit: number;
  setLimit: (n: number) => void;
  state: QueryState<T>;
  previews: PreviewQuery[];
  /** Searches again, re-evaluating relative time edges such as `now`. */
  retry: () => void;
  /** Applies the draft filter (when valid) and searches. */
  submit: () => void;
}

/**
 * What the Tasks and Logs pages share: filter and range in the URL, tag options, the `limit` parameter, the
 * abortable search and the query previews.
 */
export function useFilterPage<T>(options: FilterPageOptions<T>): FilterPage<T> {
  const settings = useAppSettings();
  const [params, setParams] = useSearchParams();
  const time = useUrlTimeRange();
  const filter = useUrlFilter();
  const tags = useTagOptions(time.range, settings);
  const limit = limitFromParams(params, options.defaultLimit(settings), options.maxLimit);
  const [attempt, setAttempt] = useState(0);

  const runKey = JSON.stringify([
    filter.appliedKey,
    time.range.from.valueOf(),
    time.range.to.valueOf(),
    limit,
    attempt,
    settings,
  ]);
  const state = useAbortableQuery(
    runKey,
    filter.appliedValid,
    (signal) => options.search(filter.applied, time.range, settings, { signal, limit }),
    options.action
  );
  const previewTraceLimit = options.previewTraceLimit(limit, settings);
  const previews = useMemo(
    () => queryPreviews(filter.draft, settings, time.range, currentExploreContext(), previewTraceLimit),
    [filter.draft, settings, time.range, previewTraceLimit]
  );

  const retry = () => {
    time.refresh();
    setAttempt((n) => n + 1);
  };
  const submit = () => {
    if (filter.submit()) {
      // Searching the same filter again is a refresh.
      retry();
    }
  };
  const setLimit = (n: number) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      p.set('limit', String(n));
      return p;
    });

  return { settings, params, setParams, time, filter, tags, limit, setLimit, state, previews, retry, submit };
}
