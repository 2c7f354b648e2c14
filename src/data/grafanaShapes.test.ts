// The data layer fed the way Grafana 13.1's Tempo datasource and Tempo 3 really answer (issue 10): trace ids
// without leading zeros in search results, "not found" as words with no status, Tempo's reasons inside Grafana's
// wrappers, partial traces, streamed searches with and without a working Grafana Live, replaced lookup ranges.
// Tempo is the sandbox's stand-in (its TraceQL evaluator over fixture spans), not a substring fake.
import { LoadingState, type DataQueryRequest, type DataQueryResponse, type DataSourceApi } from '@grafana/data';
import { setBackendSrv, setGrafanaLiveSrv, type GrafanaLiveSrv } from '@grafana/runtime';
import type { DataQuery } from '@grafana/schema';
import { BehaviorSubject, Observable, throwError } from 'rxjs';
import { TelemetryStore } from '../../sandbox/src/data/store';
import { SandboxControl } from '../../sandbox/src/datasources/control';
import { createTempoStandIn, type TempoJsonData, type TempoStandInOptions } from '../../sandbox/src/datasources/tempo';
import { createBackendSrv } from '../../sandbox/src/host/backendSrv';
import { buildTaskFlow } from '../flow';
import { DataError } from './errors';
import { fetchTaskFrames, fetchTraceFrames } from './taskTraces';
import { runQuery } from './runQuery';
import { tempoSearchTarget } from './targets';
import { searchTasks } from './tasks';
import { absoluteRange } from './timeRange';
import { fakeDatasource, installDatasources } from './testing/fakeGrafana';
import type { FixtureSpan } from './testing/frames';
import { CORR_A, STEP_A1, TASK_A, spanId } from './testing/ids';
import { testSettings } from './testing/settings';
import { storedSpan } from './testing/standIns';

const T0 = Date.UTC(2026, 10, 26, 5, 0, 0);
const range = absoluteRange(T0 - 3_600_000, T0 + 3_600_000);
const settings = testSettings();

/** Trace ids Tempo's search renders with fewer digits: TraceIDToHexString trims leading zeros. */
const ID_31 = '0' + 'f'.repeat(31);
const ID_29 = '000' + '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5';
const ID_32 = 'c'.repeat(32);

const taskSpans: FixtureSpan[] = [
  {
    traceId: ID_31,
    spanId: spanId(1),
    name: 'create_and_enqueue_task_from_request',
    startMs: T0,
    durationMs: 20,
    attrs: { correlation_id: CORR_A, task_name: 'process_order' },
  },
  {
    traceId: ID_29,
    spanId: spanId(2),
    name: 'enqueue_ready_steps',
    startMs: T0 + 30,
    durationMs: 10,
    attrs: { task_uuid: TASK_A, correlation_id: CORR_A },
  },
  {
    traceId: ID_32,
    spanId: spanId(3),
    name: 'finalize_task',
    startMs: T0 + 200,
    durationMs: 40,
    attrs: { task_uuid: TASK_A, correlation_id: CORR_A, step_uuid: STEP_A1 },
  },
];

type StandIn = ReturnType<typeof createTempoStandIn>;

/** The sandbox's Tempo over `spans`, registered as Grafana's datasource service would hand it out. */
function tempoOver(
  spans: FixtureSpan[],
  options: TempoStandInOptions & { json?: TempoJsonData } = {}
): { tempo: StandIn; requests: Array<DataQueryRequest<DataQuery>>; emitted: DataQueryResponse[] } {
  const store = new TelemetryStore();
  store.add({ spans: spans.map(storedSpan), logs: [], tasks: [] });
  const control = new SandboxControl();
  control.latencyMs = 0;
  const json = options.json ?? {};
  const standIn = createTempoStandIn(store, control, 'tempo', { jsonData: () => json, ...options });
  const requests: Array<DataQueryRequest<DataQuery>> = [];
  const emitted: DataQueryResponse[] = [];
  const tempo = {
    ...standIn,
    instanceSettings: { uid: 'tempo', type: 'tempo', jsonData: json },
    query(request: DataQueryRequest<never>) {
      requests.push(request);
      return new Observable<DataQueryResponse>((sub) =>
        standIn.query(request).subscribe({
          next: (r) => {
            emitted.push(r);
            sub.next(r);
          },
          error: (e) => sub.error(e),
          complete: () => sub.complete(),
        })
      );
    },
  };
  installDatasources([tempo as unknown as DataSourceApi]);
  setBackendSrv(createBackendSrv(store, control));
  return { tempo, requests, emitted };
}

afterEach(() => {
  setGrafanaLiveSrv(undefined as unknown as GrafanaLiveSrv);
});

describe('trace ids with leading zeros (Tempo search trims them)', () => {
  it('loads every trace of a task whose search ids have 31 and fewer digits', async () => {
    tempoOver(taskSpans);
    const result = await fetchTaskFrames(TASK_A, range, settings);
    expect(result.failedTraceIds).toEqual([]);
    expect([...result.traceIds].sort()).toEqual([ID_29, ID_31, ID_32].sort());
    expect(result.frames).toHaveLength(3);
  });

  it('opens /trace/<id> with the short form and the full form alike', async () => {
    const { requests } = tempoOver(taskSpans);
    const short = await fetchTraceFrames(ID_29.replace(/^0+/, ''), range, settings);
    const full = await fetchTraceFrames(ID_29.toUpperCase(), range, settings);
    expect(short[0].fields.find((f) => f.name === 'traceID')?.values[0]).toBe(ID_29);
    expect(full).toHaveLength(1);
    // Asked with the normalised 32-digit form both times.
    expect(requests.map((r) => (r.targets[0] as { query?: string }).query)).toEqual([ID_29, ID_29]);
  });

  it('still refuses what is no trace id (33 digits, non-hex)', async () => {
    tempoOver(taskSpans);
    await expect(fetchTraceFrames('f'.repeat(33), range, settings)).rejects.toMatchObject({ kind: 'invalid_query' });
    await expect(fetchTraceFrames('xyz', range, settings)).rejects.toMatchObject({ kind: 'invalid_query' });
  });
});

describe('"not found" the way Grafana says it', () => {
  it('an error response with no status, only words, reads as not found with the usual advice', async () => {
    const message = `failed to get trace with id: ${ID_32} Status: 404 Not Found`;
    installDatasources([
      fakeDatasource({ uid: 'tempo', type: 'tempo' }, () => ({
        data: [],
        state: LoadingState.Error,
        error: { refId: 'A', message },
        errors: [{ refId: 'A', message }],
      })),
    ]);
    const error = await fetchTraceFrames(ID_32, range, settings).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ kind: 'empty', title: `Trace ${ID_32} was not found` });
    expect((error as DataError).hint).toMatch(/not ingested yet/);
  });

  it('the sandbox answers an unknown id in that shape, and the app reads it the same way', async () => {
    const { emitted } = tempoOver(taskSpans);
    const error = await fetchTraceFrames('d'.repeat(32), range, settings).catch((e: unknown) => e);
    expect(emitted[0].errors?.[0]?.status).toBeUndefined();
    expect(error).toMatchObject({ kind: 'empty', title: `Trace ${'d'.repeat(32)} was not found` });
  });
});

describe('failed searches keep Tempo’s reason', () => {
  it('without streaming: Grafana’s "Error (<reason>). Please check the server logs" wrapper is taken off', async () => {
    installDatasources([
      fakeDatasource({ uid: 'tempo', type: 'tempo' }, () => ({
        data: [],
        error: {
          message:
            'Error (failed to execute search query status: 400 Bad Request). Please check the server logs for more details.',
        },
      })),
    ]);
    const error = (await searchTasks({}, range, settings).catch((e: unknown) => e)) as DataError;
    expect(error).toMatchObject({ kind: 'http', status: 400 });
    expect(error.title).toBe(
      'Tempo search (tempo) rejected the request (400): failed to execute search query status: 400 Bad Request'
    );
  });

  it('streaming: the stream’s error carries Tempo’s gRPC words; the reason is kept, the gRPC prefix dropped', async () => {
    const reason = 'invalid TraceQL query: parse error at line 1, col 7: syntax error: unexpected IDENTIFIER';
    const ds = {
      uid: 'tempo',
      type: 'tempo',
      name: 'Tempo',
      query: () => throwError(() => new Error(`rpc error: code = InvalidArgument desc = ${reason}`)),
    };
    installDatasources([ds as unknown as DataSourceApi]);
    const error = (await searchTasks({}, range, settings).catch((e: unknown) => e)) as DataError;
    expect(error.title).toBe(`Tempo search (Tempo) failed: ${reason}`);
  });
});

describe('partial traces', () => {
  it('a trace Tempo trims comes back marked partial and the flow names it as incomplete', async () => {
    const big: FixtureSpan[] = Array.from({ length: 40 }, (_, i) => ({
      traceId: ID_31,
      spanId: spanId(100 + i),
      name: 'publish_event',
      startMs: T0 + i,
      durationMs: 1,
      attrs: { task_uuid: TASK_A },
    }));
    tempoOver(big, { maxBytesPerTrace: 2000 });
    const frames = await fetchTraceFrames(ID_31, range, settings);
    expect(frames[0].meta?.custom).toMatchObject({ partial: true });
    expect(frames[0].length).toBeLessThan(40);
    const flow = buildTaskFlow(frames);
    const partial = flow.anomalies.find((a) => a.kind === 'partial_trace');
    expect(partial?.message).toContain(`Trace ${ID_31} is incomplete`);
    expect(partial?.message).toContain('Trace exceeds maximum size of 2000 bytes');
  });
});

describe('no dependence on Grafana Live', () => {
  const streaming: TempoJsonData = { streamingEnabled: { search: true } };

  function live(connected: boolean) {
    const state = new BehaviorSubject(connected);
    setGrafanaLiveSrv({ getConnectionState: () => state.asObservable() } as unknown as GrafanaLiveSrv);
    return state;
  }

  it('streaming on and Live up: the search streams (partial answers, then Done) and gives the same rows', async () => {
    tempoOver(taskSpans);
    const plain = await searchTasks({}, range, settings);
    live(true);
    const { emitted } = tempoOver(taskSpans, { json: streaming, liveConnected: () => true, liveEnabled: () => true });
    const streamed = await searchTasks({}, range, settings);
    const states = emitted.map((r) => r.state);
    expect(states.filter((s) => s === LoadingState.Streaming).length).toBeGreaterThan(1);
    expect(states).toContain(LoadingState.Done);
    expect(streamed).toEqual(plain);
  });

  it('streaming on but Live’s websocket blocked: the search goes to /api/ds/query and answers', async () => {
    tempoOver(taskSpans);
    const plain = await searchTasks({}, range, settings);
    live(false);
    const { emitted } = tempoOver(taskSpans, { json: streaming, liveConnected: () => false, liveEnabled: () => true });
    const rows = await searchTasks({}, range, settings, { timeoutMs: 10_000 });
    expect(rows).toEqual(plain);
    // The stream was never used for the search (it would never have answered).
    expect(emitted.filter((r) => r.state === LoadingState.Streaming)).toEqual([]);
  });

  it('a failed search through /api/ds/query still says why, in the words Grafana’s backend keeps', async () => {
    live(false);
    const { tempo } = tempoOver(taskSpans, { json: streaming, liveConnected: () => false, liveEnabled: () => true });
    const error = (await runQuery(tempo as unknown as DataSourceApi, [tempoSearchTarget('{ span.a = ', 5, 3)], range, {
      action: 'Tempo search',
    }).catch((e: unknown) => e)) as DataError;
    expect(error).toMatchObject({ kind: 'http', status: 400 });
    expect(error.title).toContain('failed to execute search query status: 400 Bad Request');
  });
});

describe('time range of trace lookups (Grafana replaces it)', () => {
  const lookupRanges = (requests: Array<DataQueryRequest<DataQuery>>) =>
    requests
      .filter((r) => /^[0-9a-f]+$/.test((r.targets[0] as { query?: string }).query ?? ''))
      .map((r) => [r.range.from.valueOf(), r.range.to.valueOf()]);

  it('without the datasource’s time shift the range is not narrowed: Grafana asks Tempo for all time anyway', async () => {
    const { requests } = tempoOver(taskSpans);
    await fetchTaskFrames(TASK_A, range, settings);
    const ranges = lookupRanges(requests);
    expect(ranges).toHaveLength(3);
    expect(ranges.every(([from, to]) => from === range.from.valueOf() && to === range.to.valueOf())).toBe(true);
  });

  it('with the time shift on, lookups are narrowed around where the search saw each trace', async () => {
    const { requests } = tempoOver(taskSpans, { json: { traceQuery: { timeShiftEnabled: true } } });
    await fetchTaskFrames(TASK_A, range, settings);
    const ranges = lookupRanges(requests);
    expect(ranges).toHaveLength(3);
    expect(ranges.every(([from, to]) => to - from < range.to.valueOf() - range.from.valueOf())).toBe(true);
  });

  it('a trace outside the page range is found when Grafana asks all time, and its "not found" advice fits', async () => {
    tempoOver(taskSpans);
    const elsewhere = absoluteRange(T0 + 86_400_000, T0 + 90_000_000);
    await expect(fetchTraceFrames(ID_32, elsewhere, settings)).resolves.toHaveLength(1);
    const noShift = (await fetchTraceFrames('e'.repeat(32), elsewhere, settings).catch((e: unknown) => e)) as DataError;
    expect(noShift.hint).not.toMatch(/widen the range/);
    tempoOver(taskSpans, {
      json: { traceQuery: { timeShiftEnabled: true, spanStartTimeShift: '5m', spanEndTimeShift: '5m' } },
    });
    const shifted = (await fetchTraceFrames(ID_32, elsewhere, settings).catch((e: unknown) => e)) as DataError;
    expect(shifted).toMatchObject({ kind: 'empty' });
    expect(shifted.hint).toMatch(/widen the range/);
  });
  it('a negative start shift (the provisioned "-30m") would move Grafana’s window past the trace: the app makes up for it', async () => {
    const json = { traceQuery: { timeShiftEnabled: true, spanStartTimeShift: '-30m', spanEndTimeShift: '30m' } };
    const { requests } = tempoOver(taskSpans, { json });
    const page = absoluteRange(T0 - 10 * 60_000, T0 + 50 * 60_000);
    // Grafana asks Tempo for [from + 30m, to + 30m] of what it is sent; the trace starts at T0.
    await expect(fetchTraceFrames(ID_31, page, settings)).resolves.toHaveLength(1);
    expect(requests[0].range.from.valueOf()).toBe(page.from.valueOf() - 30 * 60_000);
    expect(requests[0].range.to.valueOf()).toBe(page.to.valueOf());
  });
});

describe('which traces a search returns', () => {
  it('the task list gets the newest tasks even when more match than the limit (most_recent hint)', async () => {
    const tasks: FixtureSpan[] = Array.from({ length: 40 }, (_, i) => ({
      traceId: (0x1000 + i).toString(16).padStart(32, 'a'),
      spanId: spanId(500 + i),
      name: 'finalize_task',
      startMs: T0 + i * 1000,
      durationMs: 5,
      attrs: { task_uuid: `019ab6fa-0000-7000-8000-${String(i).padStart(12, '0')}`, task_name: 'process_order' },
    }));
    tempoOver(tasks);
    const rows = await searchTasks({}, range, settings, { limit: 2 });
    expect(rows.map((r) => r.taskUuid)).toEqual([
      '019ab6fa-0000-7000-8000-000000000039',
      '019ab6fa-0000-7000-8000-000000000038',
    ]);
  });
});
