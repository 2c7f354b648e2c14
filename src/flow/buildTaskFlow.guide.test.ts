import { GUIDE, guideTaskFrames } from './fixtures/guideTask';
import { T0 } from './fixtures/traceFrames';
import { buildTaskFlow } from './index';

// The guide's one-trace model: see fixtures/guideTask.ts for the timeline.
describe('buildTaskFlow on the guide one-trace task', () => {
  const flow = buildTaskFlow(guideTaskFrames());
  const { ids } = GUIDE;

  it('keeps the trace tree, children in start order', () => {
    expect(flow.spanCount).toBe(11);
    expect(flow.roots).toEqual([ids.root]);
    expect(flow.childrenOf(ids.root)).toEqual([ids.enqueue, ids.execute, ids.result, ids.finalize]);
    expect(flow.childrenOf(ids.execute)).toEqual([ids.claim, ids.handler]);
    expect(flow.childrenOf(ids.handler)).toEqual([]);
    expect(flow.childrenOf('no-such-span')).toEqual([]);
    expect(flow.traceIds).toEqual([GUIDE.traceId]);
  });

  it('gives each span its phase', () => {
    expect(flow.phaseOf(ids.root)).toBe('initialization');
    expect(flow.phaseOf(ids.filter)).toBe('enqueueing');
    expect(flow.phaseOf(ids.handler)).toBe('execution');
    expect(flow.phaseOf(ids.metadata)).toBe('result_processing');
    expect(flow.phaseOf(ids.decision)).toBe('finalization');
    expect(flow.phaseOf('unknown')).toBe('other');
  });

  it('measures the task and its phases as self time', () => {
    expect(flow.startMs).toBe(T0);
    expect(flow.endMs).toBe(T0 + 135);
    expect(flow.durationMs).toBe(135);
    expect(flow.phaseTotals).toEqual({
      initialization: 35,
      enqueueing: 20,
      execution: 50,
      result_processing: 15,
      finalization: 15,
      other: 0,
    });
  });

  it('summarises the step: queue wait from the latest enqueueing end before its execution', () => {
    expect(flow.steps).toEqual([
      {
        stepUuid: GUIDE.stepUuid,
        stepName: 'reserve_inventory',
        attempts: 1,
        queueWaitMs: 10,
        executionMs: 50,
        resultProcessingMs: 15,
        spanIds: [ids.execute, ids.claim, ids.handler, ids.result, ids.metadata],
        failed: false,
      },
    ]);
  });

  it('reads identity and status', () => {
    expect(flow.taskUuid).toBe(GUIDE.taskUuid);
    expect(flow.correlationId).toBe(GUIDE.correlationId);
    expect(flow.namespace).toBe('fulfillment');
    expect(flow.taskName).toBe('order_processing');
    expect(flow.status).toBe('ok');
    expect(flow.anomalies).toEqual([]);
  });

  it('walks the critical path back from the end (sequential children are all on it)', () => {
    expect(flow.criticalPath[0]).toBe(ids.root);
    expect(new Set(flow.criticalPath)).toEqual(new Set(Object.values(ids)));
    expect(flow.isOnCriticalPath(ids.handler)).toBe(true);
  });

  it('offers index access for a virtualised tree', () => {
    const names = Array.from(flow.preorder, (i) => flow.nameAt(i));
    expect(names).toEqual([
      'create_and_enqueue_task_from_request',
      'enqueue_ready_steps',
      'filter_and_prepare_enqueuable_steps',
      'enqueue_steps_to_worker_queue',
      'execute_step',
      'try_claim_step',
      'handler_execution',
      'handle_step_execution_result',
      'process_orchestration_metadata',
      'finalize_task',
      'make_finalization_decision',
    ]);
    // Collapsing execute_step (pre-order position 4) jumps past its two children.
    expect(flow.subtreeEnd[0]).toBe(11);
    expect(flow.subtreeEnd[4]).toBe(7);
    const execute = flow.indexOf(ids.execute);
    expect(flow.idAt(execute)).toBe(ids.execute);
    expect(flow.depthAt(execute)).toBe(1);
    expect(flow.childCountAt(execute)).toBe(2);
    expect(flow.startAt(execute)).toBe(T0 + 40);
    expect(flow.durationAt(execute)).toBe(50);
    expect(flow.serviceAt(execute)).toBe('tasker-worker');
    expect(flow.phaseAt(execute)).toBe('execution');
    expect(flow.errorAt(execute)).toBe(false);
    expect(flow.indexOf('missing')).toBe(-1);
    expect(flow.nameAt(-1)).toBe('');
    expect(flow.nameAt(999)).toBe('');
  });

  it('materialises one span on demand', () => {
    const span = flow.span(ids.handler);
    expect(span).toMatchObject({
      spanId: ids.handler,
      traceId: GUIDE.traceId,
      parentSpanId: ids.execute,
      name: 'handler_execution',
      serviceName: 'tasker-worker',
      startMs: T0 + 44,
      durationMs: 44,
      statusCode: 0,
      kind: 'internal',
      stepUuid: GUIDE.stepUuid,
      depth: 2,
      phase: 'execution',
      error: false,
    });
    expect(span?.attributes).toContainEqual({ key: 'step_name', value: 'reserve_inventory' });
    expect(span?.resource).toContainEqual({ key: 'service.name', value: 'tasker-worker' });
    expect(span?.synthetic).toBeUndefined();
    expect(flow.span('missing')).toBeUndefined();
  });

  it('searches names, ids, services and attribute values, case-insensitively, in tree order', () => {
    const idsOf = (hits: number[]) => hits.map((i) => flow.idAt(i));
    expect(idsOf(flow.search('HANDLER'))).toEqual([ids.handler]);
    expect(idsOf(flow.search(ids.decision))).toEqual([ids.decision]);
    expect(idsOf(flow.search('tasker-worker'))).toEqual([ids.execute, ids.claim, ids.handler]);
    expect(idsOf(flow.search('RESERVE_inventory'))).toEqual([
      ids.execute,
      ids.claim,
      ids.handler,
      ids.result,
      ids.metadata,
    ]);
    expect(flow.search('')).toEqual([]);
    expect(flow.search('no such text')).toEqual([]);
  });
});
