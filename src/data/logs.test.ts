import { createDataFrame, FieldType } from '@grafana/data';
import {
  buildLogQL,
  buildSpanLogsLogQL,
  buildStepLogsLogQL,
  buildTaskLogsLogQL,
  buildTraceLogsLogQL,
  LOG_IDS_PER_QUERY,
} from '../query';
import { parseLogFrames } from './logFrames';
import { queryFilterLogs, queryLogs } from './logs';
import { standInLoki, standInTempo } from './testing/standIns';
import { absoluteRange } from './timeRange';
import { fakeDatasource, installDatasources } from './testing/fakeGrafana';
import { lokiFrame, type FixtureLog, type FixtureSpan } from './testing/frames';
import { CORR_A, CORR_B, STEP_A1, STEP_A2, TASK_A, TASK_B, spanId, traceId } from './testing/ids';
import { testSettings } from './testing/settings';
import type { LokiTarget } from './targets';

const T0 = Date.UTC(2026, 10, 26, 5, 0, 0);
const range = absoluteRange(T0 - 3_600_000, T0);
const settings = testSettings();
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';

describe('parseLogFrames', () => {
  it('reads ids and level from structured metadata', () => {
    const [row] = parseLogFrames(
      [
        lokiFrame([
          {
            timeMs: T0,
            line: 'task.finalization_completed',
            labels: {
              service_name: 'tasker-orchestration',
              detected_level: 'warn',
              trace_id: TRACE,
              span_id: SPAN,
              correlation_id: CORR_A,
              task_uuid: TASK_A,
            },
          },
        ]),
      ],
      settings.query
    );
    expect(row).toMatchObject({
      timeMs: T0,
      level: 'warn',
      message: 'task.finalization_completed',
      traceId: TRACE,
      spanId: SPAN,
      correlationId: CORR_A,
      taskUuid: TASK_A,
    });
    expect(row.labels.service_name).toBe('tasker-orchestration');
  });

  it("reads ids and level from tracing's plain-text line", () => {
    const line = `2026-11-26T05:00:00.123Z  INFO ThreadId(07) worker.step_execution{ correlation_id=${CORR_A} task_uuid=${TASK_A} step_uuid=${STEP_A1} }: tasker_worker::step: step.execution_started trace_id=${TRACE}`;
    const [row] = parseLogFrames([lokiFrame([{ timeMs: T0, line }])], settings.query);
    expect(row).toMatchObject({
      level: 'info',
      correlationId: CORR_A,
      taskUuid: TASK_A,
      traceId: TRACE,
      message: line,
    });
    expect(row.spanId).toBeUndefined();
  });

  it('does not take a correlation_id stored in a trace_id attribute for a trace id', () => {
    const [row] = parseLogFrames(
      [
        lokiFrame([
          { timeMs: T0, line: `x trace_id=${CORR_A}`, labels: { trace_id: CORR_A, span_id: `span-${STEP_A1}` } },
        ]),
      ],
      settings.query
    );
    expect(row.traceId).toBeUndefined();
    expect(row.spanId).toBeUndefined();
  });

  it('keeps markup and control characters as plain data', () => {
    const line = '<img src=x onerror=alert(1)> "quoted" \u0007 correlation_id=not-a-uuid';
    const [row] = parseLogFrames([lokiFrame([{ timeMs: T0, line }])], settings.query);
    expect(row.message).toBe(line);
    expect(row.correlationId).toBeUndefined();
    expect(row.level).toBe('unknown');
  });

  it('reads the older frame-per-stream shape (labels on the line field) and sorts newest first', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'Time', type: FieldType.time, values: [T0 - 1000, T0] },
        {
          name: 'Line',
          type: FieldType.string,
          values: ['ERROR failed', 'level=debug msg=ok'],
          labels: { service_name: 'tasker-rust-worker' },
        },
      ],
    });
    const rows = parseLogFrames([frame], settings.query);
    expect(rows.map((r) => r.level)).toEqual(['debug', 'error']);
    expect(rows[0].labels.service_name).toBe('tasker-rust-worker');
  });
});

describe('queryLogs', () => {
  function setup() {
    const loki = fakeDatasource({ uid: 'loki', type: 'loki' }, () => [
      lokiFrame([{ timeMs: T0, line: 'hello', labels: { trace_id: TRACE } }]),
    ]);
    installDatasources([loki]);
    return loki;
  }

  it('runs the LogQL of the filter with the line limit', async () => {
    const loki = setup();
    const filter = { correlationId: CORR_A, level: 'error' };
    const rows = await queryLogs({ filter }, range, settings, { limit: 20 });
    expect(rows).toHaveLength(1);
    const target = loki.requests[0].targets[0] as LokiTarget;
    expect(target.expr).toBe(buildLogQL(filter, settings.query));
    expect(target.maxLines).toBe(20);
    expect(target.queryType).toBe('range');
  });

  it('builds the task, step, trace and span LogQL through the query core', async () => {
    const loki = setup();
    const task = { correlationIds: [CORR_A], traceIds: [TRACE] };
    const step = { stepUuid: STEP_A1, spans: [{ traceId: TRACE, spanId: SPAN }] };
    await queryLogs({ task }, range, settings);
    await queryLogs({ step }, range, settings);
    await queryLogs({ traceId: TRACE }, range, settings);
    await queryLogs({ traceId: TRACE, spanId: SPAN }, range, settings);
    expect(loki.requests.map((r) => (r.targets[0] as LokiTarget).expr)).toEqual([
      ...buildTaskLogsLogQL(task, settings.query),
      ...buildStepLogsLogQL(step, settings.query),
      buildTraceLogsLogQL(TRACE, settings.query),
      buildSpanLogsLogQL(TRACE, SPAN, settings.query),
    ]);
  });

  it('maps a missing Loki to a DataError', async () => {
    installDatasources([]);
    await expect(queryLogs({ filter: {} }, range, settings)).rejects.toMatchObject({ kind: 'not_found' });
  });
});

/** Lines as tasker-core's OTLP appender writes them: trace context, the event's own fields, a message-only body. */
const taskLogs: FixtureLog[] = [
  { timeMs: T0 - 5000, line: 'Enqueued ready steps', labels: { trace_id: traceId(2), span_id: spanId(2), count: '2' } },
  { timeMs: T0 - 4000, line: 'step.execution_completed', labels: { trace_id: traceId(3), span_id: spanId(3) } },
  {
    timeMs: T0 - 3000,
    line: 'step.execution_started',
    labels: { operation: 'step.execution_started', step_uuid: STEP_A2, task_uuid: `Some(${TASK_A})` },
  },
  { timeMs: T0 - 2000, line: 'task.finalization_completed', labels: { trace_id: traceId(4), action: 'Completed' } },
  // Another task's line, and a line of the task's trace id from a service that is not Tasker's.
  { timeMs: T0 - 1500, line: 'other task', labels: { trace_id: traceId(9), task_uuid: `Some("${TASK_B}")` } },
  { timeMs: T0 - 1000, line: 'not tasker', labels: { service_name: 'billing', trace_id: traceId(2) } },
];

describe('logs of a task that carry only its trace ids', () => {
  it('finds lines by trace_id or by a plain or Debug-wrapped id, newest first, from Tasker services only', async () => {
    installDatasources([standInLoki(taskLogs)]);
    const rows = await queryLogs(
      { task: { taskUuids: [TASK_A], traceIds: [traceId(2), traceId(3), traceId(4)] } },
      range,
      settings
    );
    expect(rows.map((r) => r.message)).toEqual([
      'task.finalization_completed',
      'step.execution_started',
      'step.execution_completed',
      'Enqueued ready steps',
    ]);
    expect(rows[0].traceId).toBe(traceId(4));
    // Asked by the task's id alone, as before, the lines written inside its spans are missed.
    const byId = await queryLogs({ filter: { taskUuid: TASK_A } }, range, settings);
    expect(byId.map((r) => r.message)).toEqual([]);
  });

  it('splits many trace ids over several queries and merges their lines once each', async () => {
    const filler = Array.from({ length: LOG_IDS_PER_QUERY * 2 }, (_, i) => traceId(100 + i));
    // The line of traceId(3) also carries the task's step_uuid: two queries find it, the list shows it once.
    const logs = [
      ...taskLogs,
      { timeMs: T0 - 500, line: 'both', labels: { trace_id: traceId(3), step_uuid: STEP_A1 } },
    ];
    const loki = standInLoki(logs);
    installDatasources([loki]);
    const rows = await queryLogs(
      { task: { stepUuids: [STEP_A1], traceIds: [...filler, traceId(3)] } },
      range,
      settings,
      { limit: 10 }
    );
    expect(rows.map((r) => r.message)).toEqual(['both', 'step.execution_completed']);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(loki.requests[0].targets).toHaveLength(3);
  });

  it('keeps at most `limit` lines over all queries', async () => {
    const loki = standInLoki(taskLogs);
    installDatasources([loki]);
    const traces = [traceId(2), traceId(3), traceId(4), ...Array.from({ length: 50 }, (_, i) => traceId(200 + i))];
    const rows = await queryLogs({ task: { traceIds: traces } }, range, settings, { limit: 2 });
    expect(loki.requests[0].targets.length).toBeGreaterThan(1);
    expect(rows.map((r) => r.message)).toEqual(['task.finalization_completed', 'step.execution_completed']);
  });
});

describe('queryFilterLogs (the Logs page)', () => {
  const spans: FixtureSpan[] = [
    {
      traceId: traceId(1),
      spanId: spanId(1),
      name: 'create_and_enqueue_task_from_request',
      startMs: T0 - 9000,
      durationMs: 20,
      attrs: { correlation_id: CORR_A },
    },
    {
      traceId: traceId(2),
      spanId: spanId(2),
      name: 'enqueue_ready_steps',
      startMs: T0 - 8000,
      durationMs: 10,
      attrs: { task_uuid: TASK_A },
    },
    {
      traceId: traceId(3),
      spanId: spanId(3),
      name: 'handle_step_execution_result',
      startMs: T0 - 7000,
      durationMs: 10,
      attrs: { step_uuid: STEP_A2 },
    },
    {
      traceId: traceId(4),
      spanId: spanId(4),
      name: 'finalize_task',
      startMs: T0 - 6000,
      durationMs: 10,
      attrs: { task_uuid: TASK_A, correlation_id: CORR_A },
    },
    {
      traceId: traceId(5),
      spanId: spanId(5),
      name: 'worker.step_completion_received',
      startMs: T0 - 6500,
      durationMs: 10,
      attrs: { task_uuid: TASK_A, step_uuid: STEP_A2 },
    },
  ];

  it('a task found by correlation_id also finds the lines that carry only its traces', async () => {
    installDatasources([standInTempo(spans), standInLoki(taskLogs)]);
    const result = await queryFilterLogs({ correlationId: CORR_A }, range, settings);
    expect(result.rows.map((r) => r.message)).toEqual([
      'task.finalization_completed',
      'step.execution_started',
      'step.execution_completed',
      'Enqueued ready steps',
    ]);
    expect(result.task?.traceIds).toEqual(expect.arrayContaining([traceId(1), traceId(2), traceId(3), traceId(4)]));
    expect(result.task?.correlationIds).toEqual([CORR_A]);
  });

  it('keeps the rest of the filter (text, level) and finds nothing of other tasks', async () => {
    installDatasources([standInTempo(spans), standInLoki(taskLogs)]);
    const result = await queryFilterLogs({ taskUuid: TASK_A, text: 'step.' }, range, settings);
    expect(result.rows.map((r) => r.message)).toEqual(['step.execution_started', 'step.execution_completed']);
    const other = await queryFilterLogs({ correlationId: CORR_B }, range, settings);
    expect(other.rows).toEqual([]);
  });

  it('without an id it is the filter query alone, and Tempo is not asked', async () => {
    const tempo = standInTempo(spans);
    installDatasources([tempo, standInLoki(taskLogs)]);
    const result = await queryFilterLogs({ text: 'other' }, range, settings);
    expect(result.rows.map((r) => r.message)).toEqual(['other task']);
    expect(result.task).toBeUndefined();
    expect(tempo.requests).toHaveLength(0);
  });

  it('a bad id is an input error before any query', async () => {
    const tempo = standInTempo(spans);
    installDatasources([tempo, standInLoki(taskLogs)]);
    await expect(queryFilterLogs({ correlationId: 'nope' }, range, settings)).rejects.toMatchObject({
      kind: 'invalid_query',
    });
    expect(tempo.requests).toHaveLength(0);
  });
});
