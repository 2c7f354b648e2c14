import type { DataFrame } from '@grafana/data';
import type { StoredLog, StoredSpan } from '../data/model';
import { TelemetryStore } from '../data/store';
import { runLokiTarget } from './loki';
import { QuerySyntaxError } from './syntax';
import { runTempoTarget } from './tempo';

const T = 'a'.repeat(32);

function span(spanId: string, parent: string, name: string, startMs: number, attrs: StoredSpan['attrs']): StoredSpan {
  return {
    traceId: T,
    spanId,
    parentSpanId: parent,
    name,
    kind: 'internal',
    statusCode: 0,
    statusMessage: '',
    startMs,
    durationMs: 2,
    attrs,
    resource: { 'service.name': 'tasker-orchestration' },
    events: [{ timeMs: startMs + 1, name: 'task.finalization_completed', attrs: { action: 'Completed' } }],
    scopeName: 'tasker-core',
  };
}

function log(timeMs: number, line: string, correlationId: string): StoredLog {
  return {
    timeMs,
    line,
    stream: { service_name: 'tasker-orchestration' },
    metadata: { correlation_id: correlationId, trace_id: T },
  };
}

const store = new TelemetryStore();
store.add({
  spans: [
    span('1111111111111111', '', 'create_and_enqueue_task_from_request', 1000, { correlation_id: 'c-1' }),
    span('2222222222222222', '1111111111111111', 'finalize_task', 1005, { correlation_id: 'c-1', task_uuid: 'u-1' }),
  ],
  logs: [log(1001, 'first', 'c-1'), log(1002, 'second', 'c-1'), log(1003, 'other', 'c-2')],
  tasks: [],
});

const names = (f: DataFrame) => f.fields.map((x) => x.name);
const values = (f: DataFrame, name: string) => f.fields.find((x) => x.name === name)?.values ?? [];

describe('Tempo stand-in', () => {
  it('answers a hex-only query with the Trace frame (ms times, key/value tags)', () => {
    const res = runTempoTarget(store, { refId: 'A', query: T }, 0, 5000, false);
    const frame = res.data[0] as DataFrame;
    expect(frame.name).toBe('Trace');
    expect(frame.meta?.preferredVisualisationType).toBe('trace');
    expect(names(frame)).toEqual(
      expect.arrayContaining([
        'traceID',
        'spanID',
        'parentSpanID',
        'operationName',
        'serviceName',
        'serviceTags',
        'startTime',
        'duration',
        'logs',
        'tags',
        'statusCode',
        'kind',
      ])
    );
    expect(values(frame, 'startTime')).toEqual([1000, 1005]);
    expect(values(frame, 'tags')[0]).toEqual([{ key: 'correlation_id', value: 'c-1' }]);
    expect(values(frame, 'logs')[1]).toEqual([
      { timestamp: 1006, name: 'task.finalization_completed', fields: [{ key: 'action', value: 'Completed' }] },
    ]);
  });

  it('answers an unknown or out-of-range trace id as Grafana does: an error in words, with no HTTP status', () => {
    for (const res of [
      runTempoTarget(store, { refId: 'A', query: 'b'.repeat(32) }, 0, 5000, false),
      runTempoTarget(store, { refId: 'A', query: T }, 9000, 9999, false),
    ]) {
      expect(res.error?.status).toBeUndefined();
      expect(res.error?.message).toMatch(/^failed to get trace with id: [0-9a-f]+ Status: 404 Not Found/);
    }
  });

  it('answers a search with the Traces frame and nested spansets (duration in ns, selected columns)', () => {
    const res = runTempoTarget(
      store,
      { refId: 'A', query: '{ span.correlation_id = "c-1" } | select(span.task_uuid)' },
      0,
      5000,
      false
    );
    const frame = res.data[0] as DataFrame;
    expect(frame.name).toBe('Traces');
    expect(names(frame)).toEqual(['traceID', 'startTime', 'traceService', 'traceName', 'traceDuration', 'nested']);
    expect(values(frame, 'traceName')).toEqual(['create_and_enqueue_task_from_request']);
    expect(values(frame, 'traceDuration')).toEqual([7]);
    const sub = (values(frame, 'nested')[0] as DataFrame[])[0];
    expect(names(sub)).toEqual([
      'traceIdHidden',
      'spanID',
      'time',
      'name',
      'span.correlation_id',
      'span.task_uuid',
      'duration',
    ]);
    expect(values(sub, 'duration')).toEqual([2e6, 2e6]);
    expect(values(sub, 'span.task_uuid')).toEqual([undefined, 'u-1']);
  });

  it('honours spss, tableType spans, and the empty mode', () => {
    const spans = runTempoTarget(store, { refId: 'A', query: '{ }', tableType: 'spans', spss: 1 }, 0, 5000, false)
      .data[0] as DataFrame;
    expect(spans.name).toBe('Spans');
    expect(spans.length).toBe(1);
    const empty = runTempoTarget(store, { refId: 'A', query: '{ }' }, 0, 5000, true).data[0] as DataFrame;
    expect(empty.length).toBe(0);
  });

  it('rejects invalid TraceQL as Grafana would', () => {
    expect(() => runTempoTarget(store, { refId: 'A', query: '{ correlation_id = "c-1" }' }, 0, 5000, false)).toThrow(
      QuerySyntaxError
    );
  });
});

describe('Loki stand-in', () => {
  it('answers with a dataplane log frame, newest first, limited by maxLines', () => {
    const frame = runLokiTarget(
      store,
      { refId: 'A', expr: '{service_name=~"tasker-.+"} | correlation_id="c-1"', maxLines: 1 },
      0,
      5000,
      false
    ).data[0] as DataFrame;
    expect(names(frame)).toEqual(['labelTypes', 'labels', 'Time', 'Line', 'tsNs', 'id']);
    expect(values(frame, 'Line')).toEqual(['second']);
    expect(values(frame, 'labels')[0]).toMatchObject({
      service_name: 'tasker-orchestration',
      correlation_id: 'c-1',
      trace_id: T,
    });
    expect(values(frame, 'tsNs')).toEqual(['1002000000']);
  });

  it('reads forward when asked, and honours the time range', () => {
    const frame = runLokiTarget(
      store,
      { refId: 'A', expr: '{service_name=~".+"}', direction: 'forward' },
      1002,
      5000,
      false
    ).data[0] as DataFrame;
    expect(values(frame, 'Line')).toEqual(['second', 'other']);
  });

  it('counts for a metric query', () => {
    const frame = runLokiTarget(
      store,
      { refId: 'A', expr: 'sum(count_over_time({service_name=~".+"} [1s]))' },
      0,
      2000,
      false
    ).data[0] as DataFrame;
    expect((values(frame, 'Value') as number[]).reduce((a, b) => a + b, 0)).toBe(3);
  });
});
