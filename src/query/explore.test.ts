import { InvalidQueryInputError } from './errors';
import { logsPane, tracePane, traceqlSearchPane } from './explore';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const RANGE = { from: 'now-1h', to: 'now' };

describe('Explore panes', () => {
  it('holds a TraceQL search', () => {
    const query = '{span.task_name = "a&b=c #x"}';
    expect(traceqlSearchPane('tempo', query, RANGE, 20)).toEqual({
      datasource: 'tempo',
      queries: [{ refId: 'A', datasource: { type: 'tempo', uid: 'tempo' }, queryType: 'traceql', query, limit: 20 }],
      range: RANGE,
    });
  });

  it('holds a trace by id focused on a span, ids normalised, epoch ranges as text', () => {
    const pane = tracePane(
      'tempo',
      TRACE.toUpperCase(),
      { from: 1700000000000, to: '1700000060000' },
      '00F067AA0BA902B7'
    );
    expect(pane.queries[0].query).toBe(TRACE);
    expect(pane.panelsState).toEqual({ trace: { spanId: '00f067aa0ba902b7' } });
    expect(pane.range).toEqual({ from: '1700000000000', to: '1700000060000' });
    expect(tracePane('t', TRACE, RANGE).panelsState).toBeUndefined();
  });

  it('holds a LogQL query', () => {
    const expr = '{service_name=~"tasker-.+"} |= "x"';
    const pane = logsPane('loki', expr, RANGE);
    expect(pane.datasource).toBe('loki');
    expect(pane.queries).toEqual([
      { refId: 'A', datasource: { type: 'loki', uid: 'loki' }, expr, queryType: 'range', editorMode: 'code' },
    ]);
  });

  it('rejects a bad trace id, span id, range or datasource', () => {
    expect(() => tracePane('t', 'xyz', RANGE)).toThrow(InvalidQueryInputError);
    expect(() => tracePane('t', TRACE, RANGE, 'q')).toThrow(/spanId/);
    expect(() => logsPane('l', 'x', { from: '', to: 'now' })).toThrow(/range/);
    expect(() => logsPane('l', 'x', { from: NaN, to: 'now' })).toThrow(/range/);
    expect(() => logsPane(' ', 'x', RANGE)).toThrow(/datasource UID/);
  });
});
