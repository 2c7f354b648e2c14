import { InvalidQueryInputError } from './errors';
import { logqlSyntaxIssues } from './grammar';
import { buildLogQL, buildSpanLogsLogQL, buildTaskLogsLogQL, buildTraceLogsLogQL } from './logql';
import type { LogMode } from './types';

const CID = '550e8400-e29b-41d4-a716-446655440000';
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';
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
      buildTaskLogsLogQL(CID, { logMode }),
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

  it('finds the logs of a task by an id of either kind', () => {
    expect(buildTaskLogsLogQL(CID)).toBe(`${SEL} | (task_uuid="${CID}" or correlation_id="${CID}")`);
    expect(buildTaskLogsLogQL(CID, { logMode: 'logfmt' })).toBe(
      `${SEL} |= "${CID}" | logfmt | (task_uuid="${CID}" or correlation_id="${CID}")`
    );
  });
});
