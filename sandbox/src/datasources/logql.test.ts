import type { StoredLog } from '../data/model';
import { compileLogQL, parseLogfmt } from './logql';
import { QuerySyntaxError } from './syntax';

const log = (line: string, metadata: Record<string, string> = {}, service = 'tasker-orchestration'): StoredLog => ({
  timeMs: 1,
  line,
  stream: { service_name: service },
  metadata,
});

const logs = [
  log('step.execution_started correlation_id=c-1 level=info', { correlation_id: 'c-1', detected_level: 'info' }),
  log(
    'step.execution_failed error="boom here" correlation_id=c-2',
    { correlation_id: 'c-2', detected_level: 'error' },
    'tasker-rust-worker'
  ),
  log('{"msg":"json line","ctx":{"task_uuid":"u-9"}}', {}, 'other-service'),
];

const run = (q: string) =>
  logs
    .map((l) => compileLogQL(q).run(l))
    .filter(Boolean)
    .map((e) => e!.line.split(' ')[0]);

describe('compileLogQL', () => {
  it('selects streams by matcher', () => {
    expect(run('{service_name=~"tasker-.*"}')).toHaveLength(2);
    expect(run('{service_name="tasker-rust-worker"}')).toEqual(['step.execution_failed']);
    expect(run('{service_name!~"tasker-.*"}')).toHaveLength(1);
  });

  it('filters by structured metadata', () => {
    expect(run('{service_name=~".+"} | correlation_id="c-1"')).toEqual(['step.execution_started']);
    expect(run('{service_name=~".+"} | detected_level=~"err.*"')).toEqual(['step.execution_failed']);
  });

  it('applies line filters, including or-alternatives and regex', () => {
    expect(run('{service_name=~".+"} |= "failed"')).toEqual(['step.execution_failed']);
    expect(run('{service_name=~".+"} |= "failed" or "started"')).toHaveLength(2);
    expect(run('{service_name=~".+"} != "step"')).toEqual(['{"msg":"json']);
    expect(run('{service_name=~".+"} |~ "(?i)FAILED"')).toEqual(['step.execution_failed']);
  });

  it('parses logfmt and json into labels a label filter can use', () => {
    expect(run('{service_name=~".+"} | logfmt | error="boom here"')).toEqual(['step.execution_failed']);
    expect(run('{service_name=~".+"} | json | ctx_task_uuid="u-9"')).toEqual(['{"msg":"json']);
    const e = compileLogQL('{service_name=~".+"} | json').run(logs[0]);
    expect(e?.labels.__error__).toBe('JSONParserErr');
  });

  it('reports label types for indexed, metadata and parsed labels', () => {
    const e = compileLogQL('{service_name=~".+"} | logfmt').run(logs[0])!;
    expect(e.types).toMatchObject({ service_name: 'I', correlation_id: 'S', level: 'P' });
  });

  it('recognises count_over_time', () => {
    expect(compileLogQL('sum(count_over_time({service_name="x"} [5m]))').metric).toEqual({
      fn: 'count_over_time',
      rangeMs: 300000,
    });
  });

  it('rejects invalid queries', () => {
    for (const bad of ['{correlation_id="x"', '{} |= "x"', '{a="b"} |= "unterminated', 'nonsense']) {
      expect(() => compileLogQL(bad)).toThrow(QuerySyntaxError);
    }
  });
});

describe('parseLogfmt', () => {
  it('reads bare and quoted values', () => {
    expect(parseLogfmt('a=1 b="two words" c=')).toEqual({ a: '1', b: 'two words', c: '' });
  });
});
