import { followUpQueries, noNewTaskIds, STEP_IDS_PER_QUERY, TaskIdFollower } from './taskIdFollower';
import { DEFAULT_QUERY_SETTINGS } from '../query/settings';
import { traceqlSyntaxIssues } from '../query/grammar';

const T1 = '019ab6f9-7a27-7d16-b298-1ea41b327373';
const C1 = '88f21229-4085-4d53-8f52-2fde0b7228e2';
const RANDOM = '11111111-2222-4333-8444-555555555555';
const step = (n: number) => `019ab6f9-7a2a-7873-a5d1-${String(n).padStart(12, '0')}`;

describe('TaskIdFollower', () => {
  it('follows task_uuids, correlation_ids paired with a known task, and step_uuids, once each', () => {
    const f = new TaskIdFollower(T1);
    const next = noNewTaskIds();
    f.follow({ traceId: 'a', taskUuid: T1, correlationId: C1, stepUuid: step(1) }, next);
    f.follow({ traceId: 'b', correlationId: RANDOM, stepUuid: step(1) }, next);
    f.follow({ traceId: 'c', taskUuid: 'not-a-uuid', stepUuid: 'span-x' }, next);
    expect([...next.tasks]).toEqual([]);
    expect([...next.correlations]).toEqual([C1]);
    expect([...next.steps]).toEqual([step(1)]);
    expect(f.correlationIds).toEqual([T1, C1]);
    expect(f.stepUuids).toEqual([step(1)]);
  });

  it('compares ids without case and keeps them as the spans wrote them', () => {
    const f = new TaskIdFollower(C1.toUpperCase());
    const next = noNewTaskIds();
    f.follow({ traceId: 'a', correlationId: C1, taskUuid: T1.toUpperCase() }, next);
    expect([...next.tasks]).toEqual([T1.toUpperCase()]);
    expect([...next.correlations]).toEqual([]);
  });
});

describe('followUpQueries', () => {
  it('asks one valid query per round, more only past the step ids one query holds', () => {
    const ids = noNewTaskIds();
    ids.tasks.add(T1);
    for (let i = 0; i < STEP_IDS_PER_QUERY + 1; i++) {
      ids.steps.add(step(i));
    }
    const queries = followUpQueries(ids, DEFAULT_QUERY_SETTINGS);
    expect(queries).toHaveLength(2);
    expect(queries[0]).toContain(T1);
    expect(queries[1]).not.toContain(T1);
    expect(queries[1]).toContain(step(STEP_IDS_PER_QUERY));
    queries.forEach((q) => expect(traceqlSyntaxIssues(q)).toEqual([]));
  });
});
