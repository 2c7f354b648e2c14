import { InvalidQueryInputError } from './errors';
import {
  exploreLogsUrl,
  exploreTraceqlSearchUrl,
  exploreTraceUrl,
  exploreTraceWithLogsUrl,
  type ExplorePane,
} from './explore';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const RANGE = { from: 'now-1h', to: 'now' };

function panesOf(url: string): Record<string, ExplorePane> {
  const parsed = new URL(url, 'http://grafana.local');
  expect(parsed.pathname.endsWith('/explore')).toBe(true);
  expect(parsed.searchParams.get('schemaVersion')).toBe('1');
  return JSON.parse(parsed.searchParams.get('panes')!);
}

describe('Explore links', () => {
  it('opens a TraceQL search', () => {
    const query = '{span.task_name = "a&b=c #x"}';
    const url = exploreTraceqlSearchUrl({ tempoUid: 'tempo', query, range: RANGE, limit: 20 });
    expect(url.startsWith('/explore?schemaVersion=1&panes=')).toBe(true);
    expect(url).toContain('&orgId=1');
    expect(panesOf(url)).toEqual({
      search: {
        datasource: 'tempo',
        queries: [{ refId: 'A', datasource: { type: 'tempo', uid: 'tempo' }, queryType: 'traceql', query, limit: 20 }],
        range: RANGE,
      },
    });
  });

  it('opens a trace by id focused on a span, under a sub path and org', () => {
    const url = exploreTraceUrl(
      {
        tempoUid: 'tempo',
        traceId: TRACE.toUpperCase(),
        spanId: '00F067AA0BA902B7',
        range: { from: 1700000000000, to: 1700000060000 },
      },
      { appSubUrl: '/grafana/', orgId: 3 }
    );
    expect(url.startsWith('/grafana/explore?')).toBe(true);
    expect(url.endsWith('&orgId=3')).toBe(true);
    const pane = panesOf(url).trace;
    expect(pane.queries[0].query).toBe(TRACE);
    expect(pane.panelsState).toEqual({ trace: { spanId: '00f067aa0ba902b7' } });
    expect(pane.range).toEqual({ from: '1700000000000', to: '1700000060000' });
  });

  it('opens a LogQL query', () => {
    const expr = '{service_name=~"tasker-.+"} |= "x"';
    const pane = panesOf(exploreLogsUrl({ lokiUid: 'loki', query: expr, range: RANGE })).logs;
    expect(pane.datasource).toBe('loki');
    expect(pane.queries).toEqual([
      { refId: 'A', datasource: { type: 'loki', uid: 'loki' }, expr, queryType: 'range', editorMode: 'code' },
    ]);
  });

  it('splits a trace beside its logs', () => {
    const panes = panesOf(
      exploreTraceWithLogsUrl({ tempoUid: 't', lokiUid: 'l', traceId: TRACE, logsQuery: '{a="b"}', range: RANGE })
    );
    expect(Object.keys(panes)).toEqual(['trace', 'logs']);
    expect(panes.trace.datasource).toBe('t');
    expect(panes.logs.queries[0].expr).toBe('{a="b"}');
    expect(panes.trace.panelsState).toBeUndefined();
  });

  it('rejects a bad trace id, span id, range or datasource', () => {
    expect(() => exploreTraceUrl({ tempoUid: 't', traceId: 'xyz', range: RANGE })).toThrow(InvalidQueryInputError);
    expect(() => exploreTraceUrl({ tempoUid: 't', traceId: TRACE, spanId: 'q', range: RANGE })).toThrow(/spanId/);
    expect(() => exploreLogsUrl({ lokiUid: 'l', query: 'x', range: { from: '', to: 'now' } })).toThrow(/range/);
    expect(() => exploreLogsUrl({ lokiUid: 'l', query: 'x', range: { from: NaN, to: 'now' } })).toThrow(/range/);
    expect(() => exploreLogsUrl({ lokiUid: ' ', query: 'x', range: RANGE })).toThrow(/datasource UID/);
  });
});
