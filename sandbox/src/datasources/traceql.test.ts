import type { StoredSpan } from '../data/model';
import { asTraceId, compileTraceQL, fieldColumnName } from './traceql';
import { QuerySyntaxError } from './syntax';

function span(p: Partial<StoredSpan> & { spanId: string }): StoredSpan {
  return {
    traceId: 't1',
    parentSpanId: '',
    name: 'x',
    kind: 'internal',
    statusCode: 0,
    statusMessage: '',
    startMs: 0,
    durationMs: 10,
    attrs: {},
    resource: { 'service.name': 'tasker-orchestration' },
    events: [],
    scopeName: 'tasker-core',
    ...p,
  };
}

const trace = [
  span({
    spanId: 'a',
    name: 'create_and_enqueue_task_from_request',
    attrs: { correlation_id: 'c-1', task_name: 'say "hi"' },
    durationMs: 900,
  }),
  span({
    spanId: 'b',
    parentSpanId: 'a',
    name: 'execute_step',
    attrs: { task_uuid: 'u-1', namespace: 'payments', retries: 2 },
    statusCode: 2,
    durationMs: 300,
    resource: { 'service.name': 'tasker-rust-worker', namespace: 'res-ns' },
  }),
  span({
    spanId: 'c',
    parentSpanId: 'a',
    name: 'finalize_task',
    attrs: { task_uuid: 'u-1', correlation_id: 'c-1' },
    durationMs: 5,
  }),
];

const ids = (q: string) =>
  compileTraceQL(q)
    .evaluate(trace)
    .map((s) => s.spanId);

describe('compileTraceQL', () => {
  it('matches scoped string equality and inequality', () => {
    expect(ids('{ span.correlation_id = "c-1" }')).toEqual(['a', 'c']);
    expect(ids('{ span.task_uuid != "u-1" }')).toEqual([]);
  });

  it('honours &&, || and parentheses', () => {
    expect(ids('{ span.task_uuid = "u-1" || span.correlation_id = "c-1" }')).toEqual(['a', 'b', 'c']);
    expect(ids('{ (span.task_uuid = "u-1" || span.correlation_id = "zzz") && name = "finalize_task" }')).toEqual(['c']);
  });

  it('reads unscoped attributes from the span first, then the resource', () => {
    expect(ids('{ .namespace = "payments" }')).toEqual(['b']);
    expect(ids('{ resource.namespace = "res-ns" }')).toEqual(['b']);
    expect(ids('{ resource.service.name =~ "tasker-.*" && span.correlation_id = "c-1" }')).toEqual(['a', 'c']);
  });

  it('anchors regexes and supports negated regexes', () => {
    expect(ids('{ name =~ "execute" }')).toEqual([]);
    expect(ids('{ name =~ "execute.*" }')).toEqual(['b']);
    expect(ids('{ name !~ ".*task.*" }')).toEqual(['b']);
  });

  it('compares durations, numbers and status', () => {
    expect(ids('{ duration >= 300ms }')).toEqual(['a', 'b']);
    expect(ids('{ duration < 10ms }')).toEqual(['c']);
    expect(ids('{ span.retries > 1 }')).toEqual(['b']);
    expect(ids('{ span.retries > 1.5 && status = error }')).toEqual(['b']);
    expect(ids('{ status = unset }')).toEqual(['a', 'c']);
  });

  it('decodes escaped and backtick string literals exactly', () => {
    expect(ids('{ span.task_name = "say \\"hi\\"" }')).toEqual(['a']);
    expect(ids('{ span.task_name = `say "hi"` }')).toEqual(['a']);
  });

  it('treats a missing attribute as matching nothing, except a nil test', () => {
    expect(ids('{ span.nope != "x" }')).toEqual([]);
    expect(ids('{ span.task_uuid = nil }')).toEqual(['a']);
    expect(ids('{ span.task_uuid != nil }')).toEqual(['b', 'c']);
  });

  it('combines spansets and records selected fields', () => {
    expect(ids('{ name = "execute_step" } && { name = "finalize_task" }')).toEqual(['b', 'c']);
    expect(ids('{ name = "execute_step" } && { name = "nothing" }')).toEqual([]);
    const c = compileTraceQL(
      '{ span.task_uuid = "u-1" } | select(span.correlation_id, .namespace, resource.service.name)'
    );
    expect(c.fields.map(fieldColumnName)).toEqual([
      'span.task_uuid',
      'span.correlation_id',
      '.namespace',
      'resource.service.name',
    ]);
  });

  it('rejects what the grammar rejects, with a position', () => {
    for (const bad of ['{ correlation_id = "x" }', '{ span.a = "unterminated }', '{ span.a = }', '']) {
      expect(() => compileTraceQL(bad)).toThrow(QuerySyntaxError);
    }
  });

  it('rejects an invalid regex as a query error', () => {
    expect(() => compileTraceQL('{ name =~ "(" }')).toThrow(/invalid regex/);
  });
});

describe('asTraceId', () => {
  it('recognises hex-only queries and pads short ids', () => {
    expect(asTraceId(' ABCDEF0123456789 ')).toBe('0000000000000000abcdef0123456789');
    expect(asTraceId('{ }')).toBeUndefined();
    expect(asTraceId('abc-def')).toBeUndefined();
  });
});
