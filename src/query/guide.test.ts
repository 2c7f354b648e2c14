// The example queries of Tasker's own guide (shared/seed), checked against Grafana's grammars, beside what this app
// generates instead. The README section "Tasker's guide vs. this app" lists the same cases.
import { logqlSyntaxIssues, traceqlSyntaxIssues } from './grammar';
import { buildLogQL } from './logql';
import { buildTaskListTraceQL, buildTraceQL } from './traceql';

const UUID = '550e8400-e29b-41d4-a716-446655440000';

describe("Tasker guide's TraceQL examples", () => {
  it.each([
    [`{correlation_id="${UUID}"}`, () => buildTraceQL({ correlationId: UUID })],
    [`{task_uuid="${UUID}"}`, () => buildTraceQL({ taskUuid: UUID })],
    ['{namespace="fulfillment"}', () => buildTraceQL({ namespace: ['fulfillment'] })],
  ])('%s has no attribute scope: the grammar rejects it, ours parses', (guide, ours) => {
    expect(traceqlSyntaxIssues(guide).length).toBeGreaterThan(0);
    expect(traceqlSyntaxIssues(ours())).toEqual([]);
  });

  it.each([
    ['{span.correlation_id != nil}', () => buildTaskListTraceQL({})],
    ['{duration > 1s}', () => buildTraceQL({ minDuration: '1s' })],
    ['{status = error}', () => buildTraceQL({ status: 'error' })],
  ])('%s is valid; ours also limits it to Tasker services', (guide, ours) => {
    expect(traceqlSyntaxIssues(guide)).toEqual([]);
    const query = ours();
    expect(traceqlSyntaxIssues(query)).toEqual([]);
    expect(query).toContain('resource.service.name =~ "^tasker-.+$"');
  });
});

describe("Tasker guide's LogQL example", () => {
  const guide = '{container="tasker-orchestration"} |= "correlation_id"';

  it('parses, but matches any line containing the word, on a label OTLP logs do not have', () => {
    expect(logqlSyntaxIssues(guide)).toEqual([]);
    const ours = buildLogQL({ correlationId: UUID, services: ['tasker-orchestration'] });
    expect(ours).toBe(`{service_name="tasker-orchestration"} | correlation_id="${UUID}"`);
    expect(logqlSyntaxIssues(ours)).toEqual([]);
  });
});
