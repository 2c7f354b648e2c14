import { InvalidQueryInputError } from './errors';
import { logqlSyntaxIssues } from './grammar';
import {
  buildLogQL,
  buildSpanLogsLogQL,
  buildStepLogsLogQL,
  buildTaskLogsLogQL,
  buildTraceLogsLogQL,
  LOG_IDS_PER_QUERY,
} from './logql';
import type { LogMode } from './types';

const CID = '550e8400-e29b-41d4-a716-446655440000';
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';
const TRACE2 = '0af7651916cd43dd8448eb211c80319c';
const TASK = '019ab6f9-7a27-7d16-b298-1ea41b327373';
const STEP = '019ab6f9-7a2a-7873-a5d1-93234ae46003';
const SEL = '{service_name=~"tasker-.+"}';
const MODES: LogMode[] = ['structured-metadata', 'logfmt', 'json', 'line-filter'];

describe('buildLogQL', () => {
  it.each(MODES)('%s: an empty filter selects every Tasker stream', (logMode) => {
    expect(buildLogQL({}, { logMode })).toBe(SEL);
  });

  it('structured metadata (OTLP logs in Loki 3): label filters, no parser', () => {
    expect(buildLogQL({ correlationId: CID })).toBe(`${SEL} | correlation_id="${CID}"`);
    expect(buildLogQL({ namespace: ['payments', 'ecommerce'], level: 'ERROR', text: 'Applied backoff' })).toBe(
      `${SEL} |= "Applied backoff" | (namespace="payments" or namespace="ecommerce") | detected_level=~"(?i)^ERROR$"`
    );
  });

  it('logfmt and json: a cheap line filter for the id, then the parser, then the exact check', () => {
    expect(buildLogQL({ correlationId: CID }, { logMode: 'logfmt' })).toBe(
      `${SEL} |= "${CID}" | logfmt | correlation_id="${CID}"`
    );
    expect(buildLogQL({ taskUuid: CID, stepName: 'charge card' }, { logMode: 'json' })).toBe(
      `${SEL} |= "${CID}" | json | task_uuid="${CID}" | step_name="charge card"`
    );
  });

  it('line-filter (stdout text): the id as key=value, and a regex that checks whole keys and values', () => {
    expect(buildLogQL({ correlationId: CID }, { logMode: 'line-filter' })).toBe(
      `${SEL} |= "correlation_id=${CID}" |~ "(?:^|[\\\\s{])(?:correlation_id=${CID})(?:[\\\\s}]|$)"`
    );
    expect(buildLogQL({ namespace: ['fulfillment'] }, { logMode: 'line-filter' })).toBe(
      `${SEL} |~ "(?:^|[\\\\s{])(?:namespace=(?:fulfillment|\\"fulfillment\\"))(?:[\\\\s}]|$)"`
    );
  });

  it('does not match lines that merely contain the word (the guide\'s |= "correlation_id")', () => {
    const query = buildLogQL({ correlationId: CID }, { logMode: 'line-filter' });
    expect(query).not.toContain('|= "correlation_id"');
  });

  it('selects chosen services by exact name', () => {
    expect(buildLogQL({ services: ['tasker-orchestration'] })).toBe('{service_name="tasker-orchestration"}');
    expect(buildLogQL({ services: ['tasker-orchestration', 'tasker.worker'] })).toBe(
      '{service_name=~"^(?:tasker-orchestration|tasker\\\\.worker)$"}'
    );
  });

  it('uses configured stream label and field names', () => {
    const settings = {
      logMode: 'logfmt',
      streamLabel: 'container',
      streamRegex: 'tasker-(orchestration|.*worker)',
      logFields: { correlationId: 'cid' },
    } as never;
    expect(buildLogQL({ correlationId: CID }, settings)).toBe(
      `{container=~"tasker-(orchestration|.*worker)"} |= "${CID}" | logfmt | cid="${CID}"`
    );
  });

  it('escapes text so it cannot end the string or reach Grafana as a variable', () => {
    const query = buildLogQL({ text: '"} |= "x" or ${__user.login} [[v]]\n' });
    expect(query).toBe(`${SEL} |= "\\"} |= \\"x\\" or \\x24{__user.login} \\x5b[v]]\\n"`);
  });

  it.each(MODES)('%s: every query parses', (logMode) => {
    const queries = [
      buildLogQL(
        { correlationId: CID, taskUuid: CID, stepUuid: CID, namespace: ['a', 'b'], taskName: 't', stepName: 's' },
        { logMode }
      ),
      buildLogQL({ text: 'x', level: 'warn', services: ['a', 'b'] }, { logMode }),
      ...buildTaskLogsLogQL(
        { correlationIds: [CID], taskUuids: [TASK], stepUuids: [STEP], traceIds: [TRACE, TRACE2] },
        { logMode },
        { namespace: ['a'], text: 'x', level: 'warn' }
      ),
      ...buildStepLogsLogQL({ stepUuid: STEP, spans: [{ traceId: TRACE, spanId: SPAN }] }, { logMode }),
      buildTraceLogsLogQL(TRACE, { logMode }),
      buildSpanLogsLogQL(TRACE, SPAN, { logMode }),
    ];
    for (const q of queries) {
      expect(logqlSyntaxIssues(q)).toEqual([]);
    }
  });

  it('rejects bad ids with a typed error', () => {
    expect(() => buildLogQL({ correlationId: 'x' })).toThrow(InvalidQueryInputError);
    expect(() => buildTraceLogsLogQL('not hex')).toThrow('traceId: expected a trace id of 1 to 32 hexadecimal digits');
    expect(() => buildSpanLogsLogQL(TRACE, 'z')).toThrow(/spanId/);
  });
});

describe('trace, span and task logs', () => {
  it('finds the logs of one trace and one span by OTLP ids', () => {
    expect(buildTraceLogsLogQL(TRACE.toUpperCase())).toBe(`${SEL} | trace_id="${TRACE}"`);
    expect(buildSpanLogsLogQL(TRACE, SPAN)).toBe(`${SEL} | trace_id="${TRACE}" | span_id="${SPAN}"`);
  });

  it('pads short trace ids to the 32 digits Loki stores', () => {
    expect(buildTraceLogsLogQL('abc')).toBe(`${SEL} | trace_id="${'0'.repeat(29)}abc"`);
  });

  it('finds the logs of a task by its traces or by its ids, plain or Debug-wrapped', () => {
    const dbg = (id: string) => `^(?:(?:${id}|\\"${id}\\")|Some\\\\((?:${id}|\\"${id}\\")\\\\))$`;
    expect(buildTaskLogsLogQL({ correlationIds: [CID], taskUuids: [TASK], traceIds: [TRACE, TRACE2] })).toEqual([
      `${SEL} | (correlation_id=~"${dbg(CID)}" or task_uuid=~"${dbg(TASK)}" or trace_id=~"^(?:${TRACE}|${TRACE2})$")`,
    ]);
    expect(buildTaskLogsLogQL({ traceIds: [TRACE] })).toEqual([`${SEL} | trace_id="${TRACE}"`]);
  });

  it('logfmt/json: the parser before the id condition, no substring prefilter (trace_id may be metadata only)', () => {
    expect(buildTaskLogsLogQL({ traceIds: [TRACE] }, { logMode: 'json' })).toEqual([
      `${SEL} | json | trace_id="${TRACE}"`,
    ]);
  });

  it('line-filter: the metadata query, plus lines whose text holds one of the ids', () => {
    expect(buildTaskLogsLogQL({ correlationIds: [CID], traceIds: [TRACE] }, { logMode: 'line-filter' })).toEqual([
      expect.stringContaining(`| (correlation_id=~`),
      `${SEL} |~ "${CID}|${TRACE}"`,
    ]);
  });

  it('keeps the rest of a filter: services, text, level and the other fields, AND-ed', () => {
    const [q] = buildTaskLogsLogQL(
      { taskUuids: [TASK] },
      {},
      {
        taskUuid: TASK,
        services: ['tasker-orchestration'],
        text: 'backoff',
        level: 'info',
        namespace: ['payments'],
      }
    );
    expect(q).toBe(
      `{service_name="tasker-orchestration"} |= "backoff" | task_uuid=~"${'^(?:(?:' + TASK + '|\\"' + TASK + '\\")|Some\\\\((?:' + TASK + '|\\"' + TASK + '\\")\\\\))$'}" | namespace="payments" | detected_level=~"(?i)^info$"`
    );
  });

  it('splits many ids over several queries, each at most LOG_IDS_PER_QUERY ids, every id in exactly one', () => {
    const traces = Array.from({ length: 95 }, (_, i) => i.toString(16).padStart(32, '0'));
    const queries = buildTaskLogsLogQL({ correlationIds: [CID], traceIds: traces });
    expect(queries).toHaveLength(Math.ceil(96 / LOG_IDS_PER_QUERY));
    for (const id of [CID, ...traces]) {
      expect(queries.filter((q) => q.includes(id))).toHaveLength(1);
    }
  });

  it('normalises ids and refuses anything that is not one, naming the field', () => {
    expect(buildTaskLogsLogQL({ taskUuids: [` ${TASK.toUpperCase()} `, TASK] })).toHaveLength(1);
    expect(buildTaskLogsLogQL({ traceIds: ['ABC'] })).toEqual([`${SEL} | trace_id="${'0'.repeat(29)}abc"`]);
    expect(() => buildTaskLogsLogQL({ stepUuids: ['"} |= "x'] })).toThrow(/stepUuid/);
    expect(() => buildTaskLogsLogQL({ traceIds: ['xyz'] })).toThrow(/traceId/);
    expect(() => buildTaskLogsLogQL({})).toThrow(InvalidQueryInputError);
  });

  it('finds the logs of a step by its spans (per trace) or its step_uuid', () => {
    const SPAN2 = '00f067aa0ba902b8';
    const [q] = buildStepLogsLogQL({
      stepUuid: STEP,
      spans: [
        { traceId: TRACE, spanId: SPAN },
        { traceId: TRACE, spanId: SPAN2 },
        { traceId: TRACE2, spanId: SPAN },
      ],
    });
    expect(q).toBe(
      `${SEL} | ((trace_id="${TRACE}" and span_id=~"^(?:${SPAN}|${SPAN2})$") or (trace_id="${TRACE2}" and span_id="${SPAN}") or step_uuid=~"^(?:(?:${STEP}|\\"${STEP}\\")|Some\\\\((?:${STEP}|\\"${STEP}\\")\\\\))$")`
    );
    expect(buildStepLogsLogQL({ stepUuid: STEP, spans: [] }, { logMode: 'line-filter' })).toEqual([
      expect.stringMatching(/^\{[^}]*\} \| step_uuid=~/),
      `${SEL} |~ "${STEP}"`,
    ]);
  });
});
