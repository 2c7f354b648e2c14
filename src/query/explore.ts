// The panes of an Explore deep link (Grafana 10.2+ `panes` state): plain JSON, checked here. The URL around them
// (org, sub path, time encoding) is built by src/components/common/exploreUrl.ts on @grafana/data's urlUtil.
import { InvalidQueryInputError } from './errors';
import { requireSpanId, requireTraceId } from './ids';

/** Grafana time: relative ('now-1h') or epoch milliseconds. */
export interface ExploreRange {
  from: string | number;
  to: string | number;
}

export interface ExploreQuery {
  refId: string;
  datasource: { type: 'tempo' | 'loki'; uid: string };
  [key: string]: unknown;
}

export interface ExplorePane {
  datasource: string;
  queries: ExploreQuery[];
  range: { from: string; to: string };
  panelsState?: { trace?: { spanId: string } };
}

function rangeOf(range: ExploreRange): { from: string; to: string } {
  const edge = (v: string | number) => {
    if (typeof v === 'number' ? !Number.isFinite(v) : typeof v !== 'string' || v.trim() === '') {
      throw new InvalidQueryInputError('range', "a time such as 'now-1h' or epoch milliseconds", v);
    }
    return String(v).trim();
  };
  return { from: edge(range?.from), to: edge(range?.to) };
}

function uidOf(uid: string): string {
  if (typeof uid !== 'string' || uid.trim() === '') {
    throw new InvalidQueryInputError('datasourceUid', 'a datasource UID', uid);
  }
  return uid;
}

export function traceqlSearchPane(tempoUid: string, query: string, range: ExploreRange, limit?: number): ExplorePane {
  const uid = uidOf(tempoUid);
  return {
    datasource: uid,
    queries: [
      {
        refId: 'A',
        datasource: { type: 'tempo', uid },
        queryType: 'traceql',
        query,
        ...(limit !== undefined ? { limit } : {}),
      },
    ],
    range: rangeOf(range),
  };
}

/** A trace by id (a query of only hex digits is a trace lookup), optionally focused on one span. */
export function tracePane(tempoUid: string, traceId: string, range: ExploreRange, spanId?: string): ExplorePane {
  const uid = uidOf(tempoUid);
  const pane: ExplorePane = {
    datasource: uid,
    queries: [{ refId: 'A', datasource: { type: 'tempo', uid }, queryType: 'traceql', query: requireTraceId(traceId) }],
    range: rangeOf(range),
  };
  if (spanId !== undefined && spanId.trim() !== '') {
    pane.panelsState = { trace: { spanId: requireSpanId(spanId) } };
  }
  return pane;
}

export function logsPane(lokiUid: string, query: string, range: ExploreRange): ExplorePane {
  const uid = uidOf(lokiUid);
  return {
    datasource: uid,
    queries: [{ refId: 'A', datasource: { type: 'loki', uid }, expr: query, queryType: 'range', editorMode: 'code' }],
    range: rangeOf(range),
  };
}
