import { dateTime, type TimeRange } from '@grafana/data';
import type { FlowSpan } from '../../flow/types';
import { tracePane } from '../../query';
import type { ResolvedSettings } from '../../settings/types';
import { currentExploreContext } from '../common/currentExploreContext';
import { exploreUrl, exploreUrlRange } from '../common/exploreUrl';

/** Slack around the span: Tempo finds a trace by id faster in a narrow range, and clocks disagree. */
const MARGIN_MS = 15 * 60_000;

/**
 * Explore link to the span's trace, focused on the span, in the user's organisation. Undefined for grouping nodes
 * and for ids the query core rejects (a malformed id from the data must not break the details panel).
 */
export function spanExploreHref(span: FlowSpan, settings: ResolvedSettings, range: TimeRange): string | undefined {
  const explore = currentExploreContext();
  if (span.synthetic || !span.traceId || !explore) {
    return undefined;
  }
  const start = Number.isFinite(span.startMs) ? span.startMs - MARGIN_MS : range.from.valueOf();
  const end = Number.isFinite(span.startMs + span.durationMs)
    ? span.startMs + span.durationMs + MARGIN_MS
    : range.to.valueOf();
  try {
    const around = exploreUrlRange({ from: dateTime(Math.floor(start)), to: dateTime(Math.ceil(end)) });
    return exploreUrl({ trace: tracePane(settings.tempoUid, span.traceId, around, span.spanId) }, explore);
  } catch {
    return undefined;
  }
}
