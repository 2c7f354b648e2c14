import type { StoredLog } from '../data/model';
import { compileLogQL, parseLogfmt } from './logql';
import { QuerySyntaxError } from './syntax';
import { buildStepLogsLogQL, buildTaskLogsLogQL } from '../../../src/query/logql';

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

describe("the app's task and step log queries", () => {
  // The sandbox must evaluate what the app generates: these are the app's own builders.
  const TRACE = 'a'.repeat(32);
  const OTHER_TRACE = 'b'.repeat(32);
  const SPAN = 'c'.repeat(16);
  const TASK = '019ab6f9-7a27-7d16-b298-1ea41b327373';
  const STEP = '019ab6f9-7a2a-7873-a5d1-93234ae46003';
  const lines = [
    log('only trace', { trace_id: TRACE, span_id: SPAN }),
    log('other span', { trace_id: TRACE, span_id: 'd'.repeat(16) }),
    log('debug some', { task_uuid: `Some(${TASK})` }),
    log('debug some quoted', { step_uuid: `Some("${STEP}")` }),
    log('debug quoted', { task_uuid: `"${TASK}"` }),
    log('near miss', { task_uuid: `Some(${TASK}`, trace_id: OTHER_TRACE, span_id: SPAN }),
    log(`text ${STEP} only`),
    log('not tasker', { trace_id: TRACE }, 'billing'),
  ];
  const matching = (queries: string[]) =>
    lines.filter((l) => queries.some((q) => compileLogQL(q).run(l))).map((l) => l.line);

  it('a task: its traces, or its ids plain or Debug-wrapped, from Tasker streams', () => {
    expect(matching(buildTaskLogsLogQL({ taskUuids: [TASK], stepUuids: [STEP], traceIds: [TRACE] }))).toEqual([
      'only trace',
      'other span',
      'debug some',
      'debug some quoted',
      'debug quoted',
    ]);
  });

  it('line-filter mode adds the lines whose text holds an id', () => {
    expect(matching(buildTaskLogsLogQL({ stepUuids: [STEP] }, { logMode: 'line-filter' }))).toEqual([
      'debug some quoted',
      `text ${STEP} only`,
    ]);
  });

  it('a step: a span id counts only with its own trace id (nested and/or)', () => {
    expect(matching(buildStepLogsLogQL({ stepUuid: STEP, spans: [{ traceId: TRACE, spanId: SPAN }] }))).toEqual([
      'only trace',
      'debug some quoted',
    ]);
  });
});
