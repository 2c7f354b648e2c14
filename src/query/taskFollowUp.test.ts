import { InvalidQueryInputError } from './errors';
import { traceqlSyntaxIssues } from './grammar';
import { buildStepSpansTraceQL, buildTaskFollowUpTraceQL, buildTaskSpansTraceQL } from './traceql';

const CID = '550e8400-e29b-41d4-a716-446655440000';
const TID = '019ab6f9-7a27-7d16-b298-1ea41b327373';
const S1 = '019ab6f9-7a2a-7873-a5d1-93234ae46003';
const S2 = '019ab6f9-7a2a-7873-a5d1-93234ae46004';
const ALL = 'resource.service.name =~ "^tasker-.+$"';
const SELECT_IDS = ' | select(span.correlation_id, span.task_uuid, span.step_uuid, span."span_id")';

describe('buildTaskFollowUpTraceQL', () => {
  it('asks in one query for every kind of id a search round found', () => {
    expect(buildTaskFollowUpTraceQL({ taskUuids: [TID], correlationIds: [CID], stepUuids: [S1, S2, S1] })).toBe(
      `{${ALL} && (span.task_uuid = "${TID}" || span.correlation_id = "${CID}" || span."trace_id" = "${CID}" || ` +
        `span.step_uuid = "${S1}" || span.step_uuid = "${S2}")}${SELECT_IDS}`
    );
  });

  it('is the per-kind search when only one kind of id is given', () => {
    expect(buildTaskFollowUpTraceQL({ taskUuids: [TID] })).toBe(buildTaskSpansTraceQL({ taskUuid: TID }));
    expect(buildTaskFollowUpTraceQL({ stepUuids: [S1, S2] })).toBe(buildStepSpansTraceQL([S1, S2]));
  });

  it('refuses nothing to ask for, and ids that are not UUIDs', () => {
    expect(() => buildTaskFollowUpTraceQL({})).toThrow(InvalidQueryInputError);
    expect(() => buildTaskFollowUpTraceQL({ stepUuids: ['" || true'] })).toThrow(InvalidQueryInputError);
  });

  it('produces a query the grammar accepts', () => {
    expect(
      traceqlSyntaxIssues(buildTaskFollowUpTraceQL({ taskUuids: [TID], correlationIds: [CID], stepUuids: [S1] }))
    ).toEqual([]);
  });
});
