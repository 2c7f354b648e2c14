import { buildTaskFlow } from '../../flow';
import { SCATTERED, scatteredTaskFrames } from '../../flow/fixtures/scatteredTask';
import { buildStepLogsLogQL, buildTaskLogsLogQL } from '../../query';
import { describeStepLogIds, describeTaskLogIds } from '../logs/describeLogIds';
import { stepLogTarget, taskLogIds, taskLogTarget } from './logTargets';

// tasker-core today: nine traces for one task; its log lines carry the trace context of the span they were written in.
describe('log targets of a stitched task', () => {
  const flow = buildTaskFlow(scatteredTaskFrames());

  it("the task's logs: every trace of the flow, its correlation_id, task_uuid and step_uuids", () => {
    const ids = taskLogIds(flow, 'task', SCATTERED.correlationId);
    expect(ids.traceIds).toEqual(flow.traceIds);
    expect(ids.traceIds).toHaveLength(9);
    expect(ids.correlationIds).toEqual([SCATTERED.correlationId]);
    expect(ids.taskUuids).toEqual([SCATTERED.taskUuid]);
    expect(ids.stepUuids).toEqual(expect.arrayContaining([SCATTERED.step1, SCATTERED.step2]));
    expect(taskLogTarget(flow, 'task', SCATTERED.correlationId)).toEqual({ task: ids });
    // The panel's queries are built from these, and say what they searched by.
    const queries = buildTaskLogsLogQL(ids);
    expect(flow.traceIds.every((t) => queries.some((q) => q.includes(t)))).toBe(true);
    expect(describeTaskLogIds(ids)).toBe(
      `correlation_id ${SCATTERED.correlationId}, task_uuid ${SCATTERED.taskUuid}, 2 step_uuids, 9 traces`
    );
  });

  it("a step's logs: its real spans (trace and span id) and its step_uuid", () => {
    const target = stepLogTarget(flow, SCATTERED.step1);
    expect(target?.step.stepUuid).toBe(SCATTERED.step1);
    const spanIds = flow.steps
      .find((s) => s.stepUuid === SCATTERED.step1)!
      .spanIds.filter((id) => !flow.span(id)?.synthetic);
    expect(target?.step.spans.map((s) => s.spanId).sort()).toEqual([...spanIds].sort());
    expect(target?.step.spans.every((s) => flow.span(s.spanId)?.traceId === s.traceId)).toBe(true);
    expect(() => buildStepLogsLogQL(target!.step)).not.toThrow();
    expect(describeStepLogIds(target!.step)).toBe(`step_uuid ${SCATTERED.step1}, ${spanIds.length} spans`);
    expect(stepLogTarget(flow, 'not-a-step')).toBeUndefined();
  });

  it('an id of unknown kind from the URL counts as either; ids beyond the cap are counted as left out', () => {
    const other = '11111111-2222-4333-8444-555555555555';
    const ids = taskLogIds(flow, 'task', other);
    expect(ids.correlationIds).toContain(other);
    expect(ids.taskUuids).toContain(other);
    const many = Array.from({ length: 230 }, (_, i) => i.toString(16).padStart(32, '0'));
    expect(describeTaskLogIds({ traceIds: many })).toBe('200 traces (30 more ids left out)');
  });
});
