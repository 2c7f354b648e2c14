import { createDataFrame, FieldType } from '@grafana/data';
import { buildLogQL, buildSpanLogsLogQL, buildTaskLogsLogQL, buildTraceLogsLogQL } from '../query';
import { parseLogFrames } from './logFrames';
import { queryLogs } from './logs';
import { absoluteRange } from './timeRange';
import { fakeDatasource, installDatasources } from './testing/fakeGrafana';
import { lokiFrame } from './testing/frames';
import { CORR_A, STEP_A1, TASK_A } from './testing/ids';
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

  it('builds the task, trace and span LogQL through the query core', async () => {
    const loki = setup();
    await queryLogs({ taskId: TASK_A }, range, settings);
    await queryLogs({ traceId: TRACE }, range, settings);
    await queryLogs({ traceId: TRACE, spanId: SPAN }, range, settings);
    expect(loki.requests.map((r) => (r.targets[0] as LokiTarget).expr)).toEqual([
      buildTaskLogsLogQL(TASK_A, settings.query),
      buildTraceLogsLogQL(TRACE, settings.query),
      buildSpanLogsLogQL(TRACE, SPAN, settings.query),
    ]);
  });

  it('maps a missing Loki to a DataError', async () => {
    installDatasources([]);
    await expect(queryLogs({ filter: {} }, range, settings)).rejects.toMatchObject({ kind: 'not_found' });
  });
});
