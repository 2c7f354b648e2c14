import { SCATTERED, scatteredTaskFrames, scatteredTaskSpans } from './fixtures/scatteredTask';
import { T0, framesByTrace } from './fixtures/traceFrames';
import { TaskFlowModel, buildTaskFlow } from './index';

// tasker-core today: nine traces for one task, tied together only by attributes.
describe('buildTaskFlow on tasker-core scattered traces', () => {
  const frames = scatteredTaskFrames();
  const flow = buildTaskFlow(frames);
  const step1 = `step:${SCATTERED.step1}`;
  const step2 = `step:${SCATTERED.step2}`;

  it('stitches nine traces into one tree: trace roots in time order, step traces under one node per step', () => {
    expect(frames).toHaveLength(9);
    expect(flow.traceIds).toHaveLength(9);
    expect(flow.roots).toEqual(['c100000000000001', 'c200000000000001', step1, step2, 'f900000000000001']);
    expect(flow.childrenOf(step1)).toEqual(['e100000000000001', 'd100000000000001', 'f100000000000001']);
    expect(flow.childrenOf(step2)).toEqual(['e200000000000001', 'd200000000000001', 'f200000000000001']);
    // 20 spans; the tree has two synthetic step nodes on top, which are not spans.
    expect(flow.spanCount).toBe(20);
    expect(flow.nodeCount).toBe(22);
  });

  it('makes each step node synthetic, named after the step, spanning its members', () => {
    const node = flow.span(step1);
    expect(node).toMatchObject({
      spanId: step1,
      name: 'step linear_step_1',
      synthetic: true,
      traceId: '',
      startMs: T0 + 50,
      durationMs: 45,
      stepUuid: SCATTERED.step1,
      depth: 0,
      // Execution (23 ms) outweighs result processing (19 ms) among its members.
      phase: 'execution',
    });
    expect(flow.depthAt(flow.indexOf('e100000000000001'))).toBe(1);
  });

  it('gives unmatched spans their parent phase: PGMQ under enqueueing is enqueueing, under execution is execution', () => {
    expect(flow.phaseOf('c200000000000004')).toBe('enqueueing');
    expect(flow.phaseOf('d100000000000002')).toBe('execution');
    expect(flow.phaseOf('e100000000000002')).toBe('execution');
    // A nested rule still wins over inheritance.
    expect(flow.phaseOf('f100000000000004')).toBe('enqueueing');
  });

  it('computes per-step queue wait, execution and result processing', () => {
    expect(flow.steps.map(({ spanIds, ...rest }) => rest)).toEqual([
      {
        stepUuid: SCATTERED.step1,
        stepName: 'linear_step_1',
        attempts: 1,
        // Latest enqueueing end before 50 is process_single_task_from_ready_info at 45.
        queueWaitMs: 5,
        // worker.step_execution 50–70 and worker.step_completion_received 71–74.
        executionMs: 23,
        resultProcessingMs: 19,
        failed: false,
      },
      {
        stepUuid: SCATTERED.step2,
        stepName: 'linear_step_2',
        attempts: 1,
        // enqueue_ready_steps nested in step 1's result processing ends at 92; execution starts at 100.
        queueWaitMs: 8,
        executionMs: 33,
        resultProcessingMs: 14,
        failed: false,
      },
    ]);
    expect(flow.steps[1].spanIds).toEqual([
      'e200000000000001',
      'd200000000000001',
      'f200000000000001',
      'f200000000000002',
    ]);
  });

  it('prefers the correlation_id of initialization/finalization spans over random worker ones', () => {
    expect(flow.correlationId).toBe(SCATTERED.correlationId);
    expect(flow.taskUuid).toBe(SCATTERED.taskUuid);
    expect(flow.namespace).toBe('linear_workflow');
    expect(flow.status).toBe('ok');
    expect(flow.anomalies).toEqual([]);
  });

  it('prefers the anchored correlation_id even when random ones outnumber it', () => {
    const spans = scatteredTaskSpans();
    const noisy = spans.map((s) =>
      s.name.startsWith('worker.') || s.name === 'resolve'
        ? { ...s, attrs: { ...s.attrs, correlation_id: 'random-same' } }
        : s
    );
    expect(noisy.filter((s) => s.attrs?.correlation_id === 'random-same').length).toBeGreaterThan(2);
    expect(buildTaskFlow(framesByTrace(noisy)).correlationId).toBe(SCATTERED.correlationId);
  });

  it('runs the critical path across stitched traces, from the first trace to finalization', () => {
    expect(flow.criticalPath[0]).toBe('c100000000000001');
    expect(flow.criticalPath[flow.criticalPath.length - 1]).toBe('f900000000000001');
    for (const id of [step1, step2, 'c200000000000001', 'e200000000000001', 'f200000000000002']) {
      expect(flow.isOnCriticalPath(id)).toBe(true);
    }
  });

  it('keeps phase totals within the wall time', () => {
    const sum = Object.values(flow.phaseTotals).reduce((a, b) => a + b, 0);
    expect(flow.durationMs).toBe(170);
    // Idle gaps between traces (20–25, 45–50, …) count to no phase.
    expect(sum).toBe(147);
    expect(flow.phaseTotals.execution).toBe(56);
  });

  it('treats a polling root (read_messages) as other', () => {
    const spans = [
      ...scatteredTaskSpans(),
      { traceId: 'poll', spanId: 'poll-1', name: 'read_messages', start: T0 + 60, duration: 1 },
      { traceId: 'loop', spanId: 'loop-1', name: 'domain_event_system_loop', start: T0 + 1, duration: 5 },
      { traceId: 'loop', spanId: 'loop-2', parentSpanId: 'loop-1', name: 'execute_step', start: T0 + 2, duration: 1 },
    ];
    const withNoise = buildTaskFlow(framesByTrace(spans));
    expect(withNoise.phaseOf('poll-1')).toBe('other');
    expect(withNoise.phaseOf('loop-1')).toBe('other');
    // An explicit rule beats the parent's phase.
    expect(withNoise.phaseOf('loop-2')).toBe('execution');
  });

  it('exposes the model extras: real span count, parents, synthetic flags, sections, step of a span', () => {
    const model = flow as TaskFlowModel;
    expect(model.realSpanCount).toBe(20);
    const worker = flow.indexOf('e100000000000001');
    expect(model.parentAt(worker)).toBe(flow.indexOf(step1));
    expect(model.syntheticAt(flow.indexOf(step1))).toBe(true);
    expect(model.syntheticAt(worker)).toBe(false);
    expect(model.stepUuidAt(flow.indexOf('e100000000000002'))).toBe(SCATTERED.step1);
    expect(flow.span('f100000000000005')?.stepUuid).toBe(SCATTERED.step1);
    expect(flow.span('c100000000000002')?.stepUuid).toBeUndefined();
    const sections = model.criticalSections;
    expect(sections[0]).toEqual({ spanId: 'c100000000000001', startMs: T0, endMs: T0 + 2 });
    expect(sections[sections.length - 1].endMs).toBe(T0 + 170);
    for (let k = 1; k < sections.length; k++) {
      expect(sections[k].startMs).toBeGreaterThanOrEqual(sections[k - 1].endMs);
    }
  });

  it("groups tasker-core's worker span by its span_id = span-<step_uuid> when it has no step_uuid", () => {
    const spans = scatteredTaskSpans().map((s) => {
      if (s.name !== 'worker.step_completion_received' || !s.attrs) {
        return s;
      }
      const { step_uuid: _stepUuid, ...rest } = s.attrs;
      return { ...s, attrs: rest };
    });
    const f = buildTaskFlow(framesByTrace(spans));
    expect(f.childrenOf(step1)).toEqual(['e100000000000001', 'd100000000000001', 'f100000000000001']);
  });

  it('groups by a configurable step attribute', () => {
    const spans = scatteredTaskSpans().map((s) => {
      if (!s.attrs?.step_uuid) {
        return s;
      }
      // span_id = "span-<step_uuid>" (tasker-core's worker convention) would name the step too: drop it here.
      const { step_uuid, span_id: _spanId, ...rest } = s.attrs;
      return { ...s, attrs: { ...rest, 'tasker.step_uuid': step_uuid } };
    });
    const custom = buildTaskFlow(framesByTrace(spans), { stepAttribute: 'tasker.step_uuid' });
    expect(custom.roots).toContain(step1);
    const ignored = buildTaskFlow(framesByTrace(spans));
    expect(ignored.roots).not.toContain(step1);
    expect(ignored.steps).toEqual([]);
  });
});
