import type { TimeRange } from '@grafana/data';
import { config } from '@grafana/runtime';
import type { FlowSpan } from '../../flow/types';
import { exploreTraceUrl } from '../../query';
import type { ResolvedSettings } from '../../settings/types';

/** Slack around the span: Tempo finds a trace by id faster in a narrow range, and clocks disagree. */
const MARGIN_MS = 15 * 60_000;

/**
 * Explore link to the span's trace, focused on the span. Undefined for grouping nodes and for ids the query core
 * rejects (a malformed id from the data must not break the details panel).
 */
export function spanExploreHref(span: FlowSpan, settings: ResolvedSettings, range: TimeRange): string | undefined {
  if (span.synthetic || !span.traceId) {
    return undefined;
  }
  const start = Number.isFinite(span.startMs) ? span.startMs - MARGIN_MS : range.from.valueOf();
  const end = Number.isFinite(span.startMs + span.durationMs)
    ? span.startMs + span.durationMs + MARGIN_MS
    : range.to.valueOf();
  try {
    return exploreTraceUrl(
      {
        tempoUid: settings.tempoUid,
        traceId: span.traceId,
        spanId: span.spanId,
        range: { from: Math.floor(start), to: Math.ceil(end) },
      },
      { appSubUrl: config.appSubUrl, orgId: config.bootData?.user?.orgId }
    );
  } catch {
    return undefined;
  }
}
