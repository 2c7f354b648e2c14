import { buildTaskListByIdsTraceQL, buildTaskListTraceQL } from '../query';
import { searchTasks } from './tasks';
import { absoluteRange } from './timeRange';
import { fakeDatasource, installDatasources } from './testing/fakeGrafana';
import { tracesSearchFrame, type FixtureSpan } from './testing/frames';
import { CORR_A, CORR_B, CORR_WORKER, STEP_A1, TASK_A, TASK_B, spanId, traceId } from './testing/ids';
import { testSettings } from './testing/settings';
import { standInTempo, tempoHandler } from './testing/standIns';
import type { TempoTarget } from './targets';

const T0 = Date.UTC(2026, 10, 26, 5, 0, 0);
const range = absoluteRange(T0 - 3_600_000, T0 + 3_600_000);

/** Task A the way tasker-core emits it today: five traces, each carrying a different subset of the ids. */
const taskA: FixtureSpan[] = [
  // Creation: only correlation_id (and the task name).
  {
    traceId: traceId(1),
    spanId: spanId(1),
    name: 'create_and_enqueue_task_from_request',
    startMs: T0,
    durationMs: 20,
    attrs: { correlation_id: CORR_A, task_name: 'process_order' },
  },
  // Enqueueing: task_uuid and namespace; a child span with no ids at all in the same trace.
  {
    traceId: traceId(2),
    spanId: spanId(2),
    name: 'process_single_task_from_ready_info',
    startMs: T0 + 30,
    durationMs: 10,
    attrs: { task_uuid: TASK_A, namespace: 'order_fulfillment' },
  },
  { traceId: traceId(2), spanId: spanId(3), name: 'send_json_message', startMs: T0 + 32, durationMs: 2 },
  // Worker: task_uuid, step_uuid and a fresh random correlation_id.
  {
    traceId: traceId(3),
    spanId: spanId(4),
    name: 'worker.step_completion_received',
    startMs: T0 + 50,
    durationMs: 100,
    service: 'tasker-rust-worker',
    attrs: { task_uuid: TASK_A, step_uuid: STEP_A1, correlation_id: CORR_WORKER },
  },
  // Result handling: only step_uuid.
  {
    traceId: traceId(4),
    spanId: spanId(5),
    name: 'handle_step_execution_result',
    startMs: T0 + 160,
    durationMs: 15,
    attrs: { step_uuid: STEP_A1 },
  },
  // Finalization: task_uuid and correlation_id.
  {
    traceId: traceId(5),
    spanId: spanId(6),
    name: 'finalize_task',
    startMs: T0 + 200,
    durationMs: 40,
    attrs: { task_uuid: TASK_A, correlation_id: CORR_A },
  },
];

const taskB: FixtureSpan[] = [
  {
    traceId: traceId(11),
    spanId: spanId(11),
    name: 'create_and_enqueue_task_from_request',
    startMs: T0 + 1000,
    durationMs: 5,
    attrs: { correlation_id: CORR_B, task_uuid: TASK_B, namespace: 'payments' },
    status: 'error',
  },
];

/** Tempo over these spans: the sandbox's TraceQL evaluator answers each search the app sends. */
function setup(spans: FixtureSpan[]) {
  const tempo = standInTempo(spans);
  installDatasources([tempo]);
  return tempo;
}

describe('searchTasks', () => {
  it('folds the traces of one task into one row, joining ids across spans and traces', async () => {
    setup([...taskA, ...taskB]);
    const rows = await searchTasks({}, range, testSettings());
    expect(rows).toHaveLength(2);
    const a = rows.find((r) => r.key === TASK_A);
    expect(a).toMatchObject({
      key: TASK_A,
      taskUuid: TASK_A,
      // The creation span's correlation_id, not the worker's random one.
      correlationId: CORR_A,
      namespace: 'order_fulfillment',
      taskName: 'process_order',
      startMs: T0,
      durationMs: 240,
      status: 'ok',
      traceCount: 5,
      // send_json_message names no task: the list's query asks only for spans that carry an id.
      spanCount: 5,
      services: ['tasker-orchestration', 'tasker-rust-worker'],
    });
    expect(a?.traceIds).toEqual([traceId(1), traceId(2), traceId(3), traceId(4), traceId(5)]);
  });

  it('lists tasks newest first and reports error status', async () => {
    setup([...taskA, ...taskB]);
    const rows = await searchTasks({}, range, testSettings());
    expect(rows.map((r) => r.key)).toEqual([TASK_B, TASK_A]);
    expect(rows[0].status).toBe('error');
  });

  it('keys a task by correlation_id when no span carries its task_uuid', async () => {
    setup([taskA[0]]);
    const rows = await searchTasks({}, range, testSettings());
    expect(rows).toEqual([expect.objectContaining({ key: CORR_A, correlationId: CORR_A, taskUuid: undefined })]);
  });

  it('drops a worker trace known only by a random correlation_id (no task_uuid, no task name)', async () => {
    const stray: FixtureSpan = {
      traceId: traceId(40),
      spanId: spanId(40),
      name: 'route_event',
      startMs: T0 + 5000,
      durationMs: 1,
      service: 'tasker-rust-worker',
      attrs: { correlation_id: CORR_WORKER },
    };
    setup([...taskA, stray]);
    const rows = await searchTasks({}, range, testSettings());
    expect(rows.map((r) => r.key)).toEqual([TASK_A]);
  });

  it('does not merge two tasks that share a trace, and drops spans that name no task', async () => {
    const shared: FixtureSpan[] = [
      {
        traceId: traceId(20),
        spanId: spanId(20),
        name: 'process_batch',
        startMs: T0,
        durationMs: 5,
        attrs: { task_uuid: TASK_A },
      },
      {
        traceId: traceId(20),
        spanId: spanId(21),
        name: 'process_batch',
        startMs: T0,
        durationMs: 5,
        attrs: { task_uuid: TASK_B },
      },
      { traceId: traceId(20), spanId: spanId(22), name: 'read_messages', startMs: T0, durationMs: 5 },
      { traceId: traceId(21), spanId: spanId(23), name: 'read_messages', startMs: T0, durationMs: 5 },
    ];
    setup(shared);
    const rows = await searchTasks({}, range, testSettings());
    expect(rows.map((r) => r.key).sort()).toEqual([TASK_A, TASK_B].sort());
    expect(rows.every((r) => r.spanCount === 1 && r.traceCount === 1)).toBe(true);
  });

  it('merges rows of the same task that arrive in several frames', async () => {
    const tempo = fakeDatasource({ uid: 'tempo', type: 'tempo' }, () => [
      tracesSearchFrame(taskA.slice(0, 3)),
      tracesSearchFrame(taskA.slice(3)),
    ]);
    installDatasources([tempo]);
    const rows = await searchTasks({}, range, testSettings());
    expect(rows).toHaveLength(1);
    expect(rows[0].traceCount).toBe(5);
  });

  it('sends the query core TraceQL with the limit, and applies the task limit', async () => {
    const many: FixtureSpan[] = Array.from({ length: 5 }, (_, i) => ({
      traceId: traceId(100 + i),
      spanId: spanId(100 + i),
      name: 'finalize_task',
      startMs: T0 + i,
      durationMs: 1,
      attrs: { task_uuid: `019ab6fa-0000-7000-8000-00000000010${i}`, namespace: 'payments' },
    }));
    const tempo = setup(many);
    const filter = { namespace: ['payments'] };
    const rows = await searchTasks(filter, range, testSettings(), { limit: 3 });
    expect(rows).toHaveLength(3);
    const target = tempo.requests[0].targets[0] as TempoTarget;
    expect(target.query).toBe(buildTaskListTraceQL(filter, testSettings().query));
    expect(target.queryType).toBe('traceql');
    expect(target.limit).toBeGreaterThanOrEqual(3);
    expect(tempo.requests[0].range).toBe(range);
  });

  it('completes rows found by namespace with a search by their ids (correlation_id, task name, status)', async () => {
    // The namespace search finds only the enqueue span: only it carries the namespace.
    const tempo = setup(taskA);
    const rows = await searchTasks({ namespace: ['order_fulfillment'] }, range, testSettings());
    const queries = tempo.requests.map((r) => (r.targets[0] as TempoTarget).query);
    expect(queries[1]).toBe(buildTaskListByIdsTraceQL({ taskUuids: [TASK_A] }, testSettings().query));
    // finalize_task carries the correlation_id; the second follow-up finds the creation span with the task name.
    expect(queries[2]).toBe(buildTaskListByIdsTraceQL({ correlationIds: [CORR_A] }, testSettings().query));
    expect(rows).toEqual([
      expect.objectContaining({
        key: TASK_A,
        correlationId: CORR_A,
        taskName: 'process_order',
        namespace: 'order_fulfillment',
        status: 'ok',
      }),
    ]);
  });

  it('keeps the first rows when a follow-up search fails', async () => {
    // Tempo over task A, failing every search after the first.
    const answer = tempoHandler(taskA);
    const tempo = fakeDatasource({ uid: 'tempo', type: 'tempo' }, (request) => {
      if (tempo.requests.length > 1) {
        throw { status: 500, data: { message: 'boom' } };
      }
      return answer(request);
    });
    installDatasources([tempo]);
    const rows = await searchTasks({ namespace: ['order_fulfillment'] }, range, testSettings());
    expect(rows).toEqual([expect.objectContaining({ key: TASK_A, correlationId: undefined })]);
  });

  it("holds tasks to the duration bounds by the task's own duration", async () => {
    setup([...taskA, ...taskB]);
    // Task A lasts 240 ms, task B 5 ms.
    const short = await searchTasks({ maxDuration: '100ms' }, range, testSettings());
    expect(short.map((r) => r.key)).toEqual([TASK_B]);
    const long = await searchTasks({ minDuration: '200ms' }, range, testSettings());
    expect(long.map((r) => r.key)).toEqual([TASK_A]);
  });

  it('refuses an invalid filter before querying', async () => {
    const tempo = setup(taskA);
    await expect(searchTasks({ taskUuid: 'not-a-uuid' }, range, testSettings())).rejects.toMatchObject({
      kind: 'invalid_query',
    });
    expect(tempo.requests).toHaveLength(0);
  });

  it('returns no rows for an empty answer', async () => {
    setup([]);
    await expect(searchTasks({}, range, testSettings())).resolves.toEqual([]);
  });
});
