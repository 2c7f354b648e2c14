import { toURLRange, urlUtil, type RawTimeRange } from '@grafana/data';
import type { ExplorePane, ExploreRange } from '../../query';

/** Where Explore links point: the user's organisation and Grafana's sub path. */
export interface ExploreLinkContext {
  /** The current organisation; Explore switches to the org a link names, so it must be the user's own. */
  orgId: number;
  /** Grafana's config.appSubUrl: '' or a sub path such as '/grafana'. */
  appSubUrl: string;
}

/**
 * The Explore URL for one or more panes (two give a split view), as Grafana writes it: `urlUtil.renderUrl` over
 * `schemaVersion`, `panes` and `orgId`. Pane ranges come from {@link exploreUrlRange}.
 */
export function exploreUrl(panes: Record<string, ExplorePane>, context: ExploreLinkContext): string {
  const orgId = context?.orgId;
  if (typeof orgId !== 'number' || !Number.isSafeInteger(orgId) || orgId < 1) {
    throw new Error(`An Explore link needs the id of the current organisation, got ${String(orgId)}`);
  }
  const base = (context.appSubUrl ?? '').replace(/\/+$/, '');
  return urlUtil.renderUrl(`${base}/explore`, { schemaVersion: 1, panes: JSON.stringify(panes), orgId });
}

/** A range as Explore URLs carry it (`toURLRange`): relative edges as typed ('now-1h'), absolute ones as epoch ms. */
export function exploreUrlRange(range: RawTimeRange): ExploreRange {
  const { from, to } = toURLRange(range);
  // URLRangeValue is a branded string type; the values are strings.
  return { from: String(from), to: String(to) };
}
