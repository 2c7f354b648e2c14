// What the Tempo stand-in reproduces of Grafana 13.1's Tempo datasource and Tempo 3 (issue 10), pinned for
// sandbox/FIDELITY.md. Each case names the upstream behaviour it stands for.
import { dateTime, LoadingState, type DataFrame, type DataQueryResponse } from '@grafana/data';
import { lastValueFrom, toArray } from 'rxjs';
import type { StoredSpan } from '../data/model';
import { TelemetryStore } from '../data/store';
import { runDsQuery } from '../host/dsQuery';
import { SandboxControl } from './control';
import { createTempoStandIn, runTempoTarget, type TempoJsonData } from './tempo';
import { partialTraceMessage } from './tempoTraceSize';

const T0 = Date.UTC(2026, 10, 26, 5);
const SHORT = '0' + 'e'.repeat(31);

function span(traceId: string, i: number, startMs: number, attrs: StoredSpan['attrs'] = {}): StoredSpan {
  return {
    traceId,
    spanId: (0x100 + i).toString(16).padStart(16, '0'),
    parentSpanId: '',
    name: 'finalize_task',
    kind: 'internal',
    statusCode: 0,
    statusMessage: '',
    startMs,
    durationMs: 2,
    attrs: { task_uuid: `019ab6fa-0000-7000-8000-${String(i).padStart(12, '0')}`, ...attrs },
    resource: { 'service.name': 'tasker-orchestration' },
    events: [],
    scopeName: 'tasker-core',
  };
}

function storeOf(spans: StoredSpan[]): TelemetryStore {
  const store = new TelemetryStore();
  store.add({ spans, logs: [], tasks: [] });
  return store;
}

const values = (f: DataFrame, name: string) => f.fields.find((x) => x.name === name)?.values ?? [];
const SEARCH = '{resource.service.name =~ "^tasker-.+$"} | select(span.task_uuid)';
const many = Array.from({ length: 30 }, (_, i) => span((0x5000 + i).toString(16).padStart(32, 'b'), i, T0 + i * 1000));

describe('Tempo stand-in fidelity', () => {
  it('search results trim leading zeros of trace ids (TraceIDToHexString); trace frames keep all 32 digits', () => {
    const store = storeOf([span(SHORT, 1, T0)]);
    const search = runTempoTarget(store, { refId: 'A', query: SEARCH, limit: 5 }, T0 - 1000, T0 + 1000, false);
    const traces = search.data[0] as DataFrame;
    expect(values(traces, 'traceID')).toEqual([SHORT.slice(1)]);
    const nested = values(traces, 'nested')[0] as DataFrame[];
    expect(values(nested[0], 'traceIdHidden')).toEqual([SHORT.slice(1)]);
    const lookup = runTempoTarget(store, { refId: 'A', query: SHORT.slice(1) }, T0 - 1000, T0 + 1000, false);
    expect(values(lookup.data[0] as DataFrame, 'traceID')).toEqual([SHORT]);
  });

  it('without most_recent a search returns the first matches in a stable scrambled order; with it, the newest', () => {
    const store = storeOf(many);
    const ids = (query: string) =>
      values(
        runTempoTarget(store, { refId: 'A', query, limit: 5 }, T0 - 1000, T0 + 60_000, false).data[0] as DataFrame,
        'traceID'
      );
    const newest = [...many]
      .reverse()
      .slice(0, 5)
      .map((s) => s.traceId);
    const plain = ids(SEARCH);
    expect(plain).toEqual(ids(SEARCH));
    expect(plain).not.toEqual(newest);
    expect(ids(`${SEARCH} with (most_recent=true)`)).toEqual(newest);
  });

  it('trims a trace above max_bytes_per_trace and marks the frame partial, with Tempo’s message', () => {
    const store = storeOf(Array.from({ length: 50 }, (_, i) => span(SHORT, i, T0 + i)));
    const trimmed = runTempoTarget(store, { refId: 'A', query: SHORT }, T0 - 1000, T0 + 1000, false, {
      maxBytesPerTrace: 1000,
    }).data[0] as DataFrame;
    expect(trimmed.length).toBeLessThan(50);
    expect(trimmed.meta?.custom).toEqual({ partial: true, message: partialTraceMessage(1000) });
    const whole = runTempoTarget(store, { refId: 'A', query: SHORT }, T0 - 1000, T0 + 1000, false).data[0] as DataFrame;
    expect(whole.length).toBe(50);
    expect(whole.meta?.custom).toEqual({ partial: false, message: '' });
  });

  describe('through the datasource frontend', () => {
    const request = (query: string, from: number, to: number) =>
      ({
        targets: [{ refId: 'A', queryType: 'traceql', query, limit: 5, spss: 3 }],
        range: { from: dateTime(from), to: dateTime(to), raw: { from: dateTime(from), to: dateTime(to) } },
      }) as never;

    function standIn(json: TempoJsonData, liveConnected = true) {
      const control = new SandboxControl();
      control.latencyMs = 0;
      const ds = createTempoStandIn(storeOf(many), control, 'tempo', {
        jsonData: () => json,
        liveConnected: () => liveConnected,
        liveEnabled: () => true,
      });
      return { ds, control };
    }

    it('streams a search as several cumulative partial answers ending in Done, progress frame last', async () => {
      const { ds } = standIn({ streamingEnabled: { search: true } });
      const answers: DataQueryResponse[] = await lastValueFrom(
        ds.query(request(SEARCH, T0 - 1000, T0 + 60_000)).pipe(toArray())
      );
      expect(answers.length).toBeGreaterThan(2);
      expect(answers.slice(0, -1).every((a) => a.state === LoadingState.Streaming)).toBe(true);
      expect(answers[answers.length - 1].state).toBe(LoadingState.Done);
      const counts = answers.map((a) => (a.data[0] as DataFrame).length);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
      expect(answers.every((a) => (a.data[a.data.length - 1] as DataFrame).name === 'Streaming Progress')).toBe(true);
    });

    it('with Live’s websocket blocked a streamed search never answers (while a lookup still does)', async () => {
      const { ds, control } = standIn({ streamingEnabled: { search: true } }, false);
      const seen: DataQueryResponse[] = [];
      const sub = ds.query(request(SEARCH, T0 - 1000, T0 + 60_000)).subscribe((r) => seen.push(r));
      // A lookup asked after it is answered: the search has had its turn, and got nothing.
      await lastValueFrom(ds.query(request(many[0].traceId, T0 - 1000, T0 + 60_000)));
      expect(seen).toEqual([]);
      sub.unsubscribe();
      expect(control.requests[0].cancelled).toBe(true);
    });

    it('replaces a lookup’s range as makeTraceIdRequest does: all time, or widened by the time shifts', async () => {
      const far = [T0 + 86_400_000, T0 + 90_000_000] as const;
      const found = (json: TempoJsonData, from: number, to: number) =>
        lastValueFrom(standIn(json).ds.query(request(many[0].traceId, from, to))).then((r) => !r.error);
      await expect(found({}, ...far)).resolves.toBe(true);
      await expect(found({ traceQuery: { timeShiftEnabled: true } }, ...far)).resolves.toBe(false);
      await expect(found({ traceQuery: { timeShiftEnabled: true } }, T0 + 20 * 60_000, T0 + 60 * 60_000)).resolves.toBe(
        true
      );
      // A negative start shift moves the start later: from - (-30m).
      const shifted = { traceQuery: { timeShiftEnabled: true, spanStartTimeShift: '-30m' } };
      await expect(found(shifted, T0 - 10 * 60_000, T0 + 60 * 60_000)).resolves.toBe(false);
    });
  });

  it('/api/ds/query: frames as JSON with span sets nested as JSON, errors in words with no status (HTTP 400)', () => {
    const control = new SandboxControl();
    const store = storeOf(many);
    const datasource = { uid: 'tempo', type: 'tempo' };
    const ok = runDsQuery(store, control, {
      queries: [{ refId: 'A', query: SEARCH, limit: 2, datasource }],
      from: String(T0 - 1000),
      to: String(T0 + 60_000),
    });
    expect(ok.status).toBe(200);
    const frame = ok.results.A.frames![0];
    const nestedIndex = frame.schema!.fields.findIndex((f) => f.name === 'nested');
    expect(frame.schema!.fields[nestedIndex].type).toBe('other');
    expect((frame.data!.values[nestedIndex][0] as unknown[])[0]).toHaveProperty('schema');
    const missing = runDsQuery(store, control, {
      queries: [{ refId: 'A', query: 'f'.repeat(32), datasource }],
      from: String(T0),
      to: String(T0 + 1),
    });
    expect(missing.status).toBe(400);
    expect(missing.results.A).toEqual({
      error: `failed to get trace with id: ${'f'.repeat(32)} Status: 404 Not Found Body: trace not found`,
      errorSource: 'downstream',
    });
    const bad = runDsQuery(store, control, { queries: [{ refId: 'A', query: '{ span.a = ', datasource }] });
    expect(bad.results.A.error).toBe('failed to execute search query status: 400 Bad Request');
  });
});
