import { parser as traceqlParser } from '@grafana/lezer-traceql';
import { InvalidQueryInputError, InvalidQuerySettingError } from './errors';
import { traceqlSyntaxIssues } from './grammar';
import {
  buildStepSpansTraceQL,
  buildTaskListByIdsTraceQL,
  buildTaskListTraceQL,
  buildTaskSpansTraceQL,
  buildTraceQL,
} from './traceql';
import type { TaskFilter } from './types';

const CID = '550e8400-e29b-41d4-a716-446655440000';
const TID = '019ab6f9-7a27-7d16-b298-1ea41b327373';
const SID = '019ab6f9-7a2a-7873-a5d1-93234ae46003';
const ALL = 'resource.service.name =~ "^tasker-.+$"';

function expectError(build: () => unknown, field: string, expected: RegExp): void {
  let caught: unknown;
  try {
    build();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(InvalidQueryInputError);
  expect((caught as InvalidQueryInputError).field).toBe(field);
  expect((caught as InvalidQueryInputError).expected).toMatch(expected);
}

describe('buildTraceQL', () => {
  it('gives every Tasker span for an empty filter', () => {
    expect(buildTraceQL({})).toBe(`{${ALL}}`);
  });

  it('treats blank values and empty lists as unset', () => {
    const blank: TaskFilter = {
      correlationId: ' ',
      taskUuid: '',
      namespace: ['', '  '],
      services: [],
      taskName: '\t',
      status: '' as never,
      minDuration: ' ',
    };
    expect(buildTraceQL(blank)).toBe(`{${ALL}}`);
  });

  it('scopes every attribute (the guide omitted scopes, which Tempo rejects)', () => {
    expect(buildTraceQL({ correlationId: CID })).toBe(`{${ALL} && span.correlation_id = "${CID}"}`);
    expect(buildTraceQL({ taskUuid: TID })).toBe(`{${ALL} && span.task_uuid = "${TID}"}`);
    expect(buildTraceQL({ namespace: ['fulfillment'] })).toBe(`{${ALL} && .namespace = "fulfillment"}`);
  });

  it('combines fields with AND and list values with OR', () => {
    const query = buildTraceQL({
      correlationId: CID.toUpperCase(),
      stepUuid: SID,
      namespace: ['payments', 'order_fulfillment', 'payments'],
      taskName: 'process_order',
      stepName: 'charge_card',
      services: ['tasker-orchestration', 'tasker-rust-worker'],
      status: 'error',
      minDuration: '250ms',
      maxDuration: '1h30m',
    });
    expect(query).toBe(
      '{(resource.service.name = "tasker-orchestration" || resource.service.name = "tasker-rust-worker")' +
        ` && span.correlation_id = "${CID}" && span.step_uuid = "${SID}"` +
        ' && (.namespace = "payments" || .namespace = "order_fulfillment")' +
        ' && span.task_name = "process_order" && span.step_name = "charge_card"' +
        ' && status = error && duration >= 250ms && duration <= 90m}'
    );
    expect(traceqlSyntaxIssues(query)).toEqual([]);
  });

  it('normalises durations to one unit the grammar accepts', () => {
    expect(buildTraceQL({ minDuration: '1.5s' })).toContain('duration >= 1500ms');
    expect(buildTraceQL({ maxDuration: '2m' })).toContain('duration <= 2m');
    expect(buildTraceQL({ minDuration: '500us', maxDuration: '500µs' })).toContain(
      'duration >= 500us && duration <= 500us'
    );
  });

  it('ignores the log-only fields', () => {
    expect(buildTraceQL({ text: 'boom', level: 'error' })).toBe(`{${ALL}}`);
  });

  it('writes status as the intrinsic enum, case-insensitively', () => {
    expect(buildTraceQL({ status: 'OK' as never })).toBe(`{${ALL} && status = ok}`);
    expect(buildTraceQL({ status: 'unset' })).toBe(`{${ALL} && status = unset}`);
  });

  it('picks a literal form Tempo and Grafana both read', () => {
    expect(buildTraceQL({ taskName: 'a"b\\c' })).toContain('span.task_name = "a\\"b\\\\c"');
    expect(buildTraceQL({ taskName: 'two\nlines' })).toContain('span.task_name = `two\nlines`');
    expect(buildTraceQL({ taskName: 'a`b\nc' })).toContain('span.task_name =~ "^a`b\\\\x0Ac$"');
    expect(buildTraceQL({ taskName: 'nul\0' })).toContain('span.task_name =~ "^nul\\\\x00$"');
    // Grafana would replace $__from with a timestamp; the regex form keeps the text literal.
    expect(buildTraceQL({ taskName: 'cost $__from' })).toContain('span.task_name =~ "^cost \\\\x24__from$"');
  });

  it('rejects ids that are not UUIDs, naming the field', () => {
    expectError(() => buildTraceQL({ correlationId: 'abc' }), 'correlationId', /UUID/);
    expectError(() => buildTraceQL({ taskUuid: `${TID}"} || {` }), 'taskUuid', /UUID/);
    expectError(() => buildTraceQL({ stepUuid: 42 as never }), 'stepUuid', /UUID/);
  });

  it('rejects unparseable durations and an inverted range', () => {
    expectError(() => buildTraceQL({ minDuration: '5 minutes' }), 'minDuration', /duration/);
    expectError(() => buildTraceQL({ maxDuration: '1d' }), 'maxDuration', /duration/);
    expectError(() => buildTraceQL({ minDuration: '-1s' }), 'minDuration', /duration/);
    expectError(() => buildTraceQL({ minDuration: '2s', maxDuration: '1500ms' }), 'minDuration', /maxDuration/);
    expect(() => buildTraceQL({ minDuration: '1s', maxDuration: '1000ms' })).not.toThrow();
  });

  it('rejects an unknown status and text that is not valid Unicode', () => {
    expectError(() => buildTraceQL({ status: 'failed' as never }), 'status', /error/);
    expectError(() => buildTraceQL({ taskName: 'bad \uD800 surrogate' }), 'taskName', /Unicode/);
    expectError(() => buildTraceQL({ namespace: [{} as never] }), 'namespace', /text/);
  });

  it('gives a clear message a page can show', () => {
    expect(() => buildTraceQL({ correlationId: 'not-a-uuid' })).toThrow(
      'correlationId: expected a UUID such as 550e8400-e29b-41d4-a716-446655440000, got "not-a-uuid"'
    );
  });

  it('uses configured attribute keys and scopes', () => {
    const settings = {
      attributes: {
        namespace: { scope: 'resource', key: 'tasker.namespace' },
        correlationId: { scope: 'any', key: 'correlation id' },
      },
      serviceRegex: 'tasker-core',
    } as never;
    const query = buildTraceQL({ namespace: ['a'], correlationId: CID }, settings);
    expect(query).toBe(
      `{resource.service.name =~ "tasker-core" && ."correlation id" = "${CID}" && resource.tasker.namespace = "a"}`
    );
    expect(traceqlSyntaxIssues(query)).toEqual([]);
  });

  it('rejects a setting it cannot write, naming it', () => {
    expect(() => buildTraceQL({}, { attributes: { taskName: { scope: 'span', key: 'a\nb' } } } as never)).toThrow(
      InvalidQuerySettingError
    );
    expect(() => buildTraceQL({}, { serviceRegex: 'tasker-$env' })).toThrow(/serviceRegex/);
  });
});

describe('task queries', () => {
  // The ids each task search selects, so the next round can follow them (tasker-core's worker span_id included).
  const SELECT_IDS = ' | select(span.correlation_id, span.task_uuid, span.step_uuid, span."span_id")';

  it('selects the task list columns', () => {
    expect(buildTaskListTraceQL({ namespace: ['payments'] })).toBe(
      `{${ALL} && .namespace = "payments" && (span.task_uuid != nil || span.correlation_id != nil || span.step_uuid != nil)}` +
        ' | select(span.correlation_id, span.task_uuid, .namespace, span.task_name, ' +
        'span.step_name, span.step_uuid, resource.service.name, status) with (most_recent=true)'
    );
  });

  it('asks Tempo for the most recent matches with a query hint Grafana’s grammar parses (task list only)', () => {
    const query = buildTaskListTraceQL({ status: 'error' });
    expect(query.endsWith(' with (most_recent=true)')).toBe(true);
    const hint: string[] = [];
    traceqlParser.parse(query).iterate({
      enter(node) {
        if (node.name === 'WithHint' || node.name === 'HintParameter') {
          hint.push(`${node.name}:${query.slice(node.from, node.to)}`);
        }
      },
    });
    expect(hint).toEqual(['WithHint:with (most_recent=true)', 'HintParameter:most_recent=true']);
    // The task's own searches follow ids: they want every match, not the newest.
    expect(buildTaskSpansTraceQL(TID)).not.toContain('most_recent');
  });

  it('finds a task by an id of either kind', () => {
    expect(buildTaskSpansTraceQL(TID)).toBe(
      `{${ALL} && (span.task_uuid = "${TID}" || span.correlation_id = "${TID}" || span."trace_id" = "${TID}")}${SELECT_IDS}`
    );
    expect(buildTaskSpansTraceQL({ correlationId: CID })).toBe(
      `{${ALL} && (span.correlation_id = "${CID}" || span."trace_id" = "${CID}")}${SELECT_IDS}`
    );
    expect(buildTaskSpansTraceQL({ taskUuid: TID })).toBe(`{${ALL} && span.task_uuid = "${TID}"}${SELECT_IDS}`);
    expect(buildTaskSpansTraceQL({ taskUuid: TID, correlationId: CID })).toBe(
      `{${ALL} && (span.task_uuid = "${TID}" || span.correlation_id = "${CID}" || span."trace_id" = "${CID}")}${SELECT_IDS}`
    );
    expectError(() => buildTaskSpansTraceQL({}), 'taskId', /task_uuid or a correlation_id/);
    expectError(() => buildTaskSpansTraceQL('fulfillment'), 'taskId', /UUID/);
  });

  it('finds the spans of known steps', () => {
    expect(buildStepSpansTraceQL([SID, SID.toUpperCase(), CID])).toBe(
      `{${ALL} && (span.step_uuid = "${SID}" || span.step_uuid = "${CID}")}${SELECT_IDS}`
    );
    expectError(() => buildStepSpansTraceQL([]), 'stepUuids', /at least one/);
    expectError(() => buildStepSpansTraceQL(['x']), 'stepUuids', /UUID/);
  });

  it('asks again for the task list columns of tasks found, by their ids', () => {
    expect(buildTaskListByIdsTraceQL({ taskUuids: [TID, TID.toUpperCase()], correlationIds: [CID] })).toBe(
      `{${ALL} && (span.task_uuid = "${TID}" || span.correlation_id = "${CID}")} | select(span.correlation_id, ` +
        'span.task_uuid, .namespace, span.task_name, span.step_name, span.step_uuid, resource.service.name, status)'
    );
    expectError(() => buildTaskListByIdsTraceQL({}), 'taskId', /at least one/);
    expectError(() => buildTaskListByIdsTraceQL({ correlationIds: ['x"'] }), 'correlationId', /UUID/);
  });

  it('produces queries the grammar accepts', () => {
    for (const q of [
      buildTaskListTraceQL({}),
      buildTaskSpansTraceQL(TID),
      buildStepSpansTraceQL([SID]),
      buildTaskListByIdsTraceQL({ taskUuids: [TID], correlationIds: [CID] }),
    ]) {
      expect(traceqlSyntaxIssues(q)).toEqual([]);
    }
  });
});
