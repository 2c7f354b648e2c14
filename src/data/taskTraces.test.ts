import type { DataQuery, DataQueryRequest } from '@grafana/data';
import { buildStepSpansTraceQL, buildTaskSpansTraceQL } from '../query';
import { fetchTaskFrames, fetchTraceFrames } from './taskTraces';
import { TraceCache } from './traceCache';
import { absoluteRange, NARROW_MARGIN_MS } from './timeRange';
import { fakeDatasource, installDatasources } from './testing/fakeGrafana';
import type { FixtureSpan } from './testing/frames';
import { CORR_A, CORR_WORKER, STEP_A1, STEP_A2, TASK_A, spanId, traceId } from './testing/ids';
import { testSettings } from './testing/settings';
import { standInTempo, tempoHandler } from './testing/standIns';
import type { TempoTarget } from './targets';

const T0 = Date.UTC(2026, 10, 26, 5, 0, 0);
const range = absoluteRange(T0 - 6 * 3_600_000, T0 + 3_600_000);
const settings = testSettings();

const HEX = /^[0-9a-f]{16,32}$/;

function targetOf(r: DataQueryRequest<DataQuery>): TempoTarget {
  return r.targets[0] as TempoTarget;
}

function isTraceLookup(r: DataQueryRequest<DataQuery>): boolean {
  return HEX.test(targetOf(r).query);
}

/** Tempo over these spans: the sandbox's TraceQL evaluator answers each search, lookups by id get the trace. */
function tempoWith(spans: FixtureSpan[], options: Parameters<typeof fakeDatasource>[2] = {}) {
  return standInTempo(spans, options);
}

const spansA: FixtureSpan[] = [
  {
    traceId: traceId(1),
    spanId: spanId(1),
    name: 'create_and_enqueue_task_from_request',
    startMs: T0,
    durationMs: 20,
    attrs: { correlation_id: CORR_A },
  },
  {
    traceId: traceId(2),
    spanId: spanId(2),
    name: 'enqueue_ready_steps',
    startMs: T0 + 30,
    durationMs: 10,
    attrs: { task_uuid: TASK_A },
  },
  {
    traceId: traceId(3),
    spanId: spanId(3),
    name: 'worker.step_completion_received',
    startMs: T0 + 60,
    durationMs: 50,
    attrs: { task_uuid: TASK_A, step_uuid: STEP_A1 },
  },
  {
    traceId: traceId(4),
    spanId: spanId(4),
    name: 'worker.step_completion_received',
    startMs: T0 + 70,
    durationMs: 50,
    attrs: { task_uuid: TASK_A, step_uuid: STEP_A2 },
  },
  // Finalization carries both ids: the bridge from a correlation_id to the task_uuid.
  {
    traceId: traceId(6),
    spanId: spanId(6),
    name: 'finalize_task',
    startMs: T0 + 700_000,
    durationMs: 5,
    attrs: { task_uuid: TASK_A, correlation_id: CORR_A },
  },
  // Only reachable through the step ids.
  {
    traceId: traceId(5),
    spanId: spanId(5),
    name: 'handle_step_execution_result',
    startMs: T0 + 600_000,
    durationMs: 15,
    attrs: { step_uuid: STEP_A1 },
  },
];

describe('fetchTaskFrames', () => {
  it('searches by the id, then by the task_uuid and step_uuids it found, then fetches every trace', async () => {
    const tempo = tempoWith(spansA);
    installDatasources([tempo]);
    const result = await fetchTaskFrames(CORR_A, range, settings);

    const searches = tempo.requests.filter((r) => !isTraceLookup(r)).map((r) => targetOf(r).query);
    expect(searches[0]).toBe(buildTaskSpansTraceQL(CORR_A, settings.query));
    expect(searches).toContain(buildTaskSpansTraceQL({ taskUuid: TASK_A }, settings.query));
    // The step ids come in the order Tempo returned their spans: either order is the same search.
    const stepSearches = [
      [STEP_A1, STEP_A2],
      [STEP_A2, STEP_A1],
    ].map((ids) => buildStepSpansTraceQL(ids, settings.query));
    expect(searches.filter((q) => stepSearches.includes(q))).toHaveLength(1);
    expect(result.traceIds).toEqual([traceId(1), traceId(2), traceId(3), traceId(4), traceId(5), traceId(6)]);
    expect(result.frames).toHaveLength(6);
    expect(result.truncated).toBe(false);
    expect(result.failedTraceIds).toEqual([]);
  });

  it('opened by task_uuid, follows the correlation_id that finalize_task carries to the creation trace', async () => {
    const tempo = tempoWith(spansA);
    installDatasources([tempo]);
    const result = await fetchTaskFrames(TASK_A, range, settings);
    const searches = tempo.requests.filter((r) => !isTraceLookup(r)).map((r) => targetOf(r).query);
    // The follow-up round asks for the correlation_id (and the step ids found) in one query.
    expect(searches).toHaveLength(2);
    expect(searches[1]).toContain(`span.correlation_id = "${CORR_A}"`);
    expect(result.traceIds).toContain(traceId(1));
  });

  it("learns step ids from tasker-core's worker spans (trace_id = correlation_id, span_id = span-<step_uuid>)", async () => {
    const STEP = '019ab6f9-7a2a-7873-a5d1-93234ae46099';
    const spans: FixtureSpan[] = [
      { ...spansA[0] },
      {
        traceId: traceId(20),
        spanId: spanId(20),
        name: 'worker.step_completion_received',
        startMs: T0 + 100,
        durationMs: 5,
        service: 'tasker-rust-worker',
        attrs: { trace_id: CORR_A, span_id: `span-${STEP}` },
      },
      // Carries only step_uuid: reachable only through the step id the worker span revealed.
      {
        traceId: traceId(21),
        spanId: spanId(21),
        name: 'handle_step_execution_result',
        startMs: T0 + 200,
        durationMs: 5,
        attrs: { step_uuid: STEP },
      },
    ];
    const tempo = tempoWith(spans);
    installDatasources([tempo]);
    const result = await fetchTaskFrames(CORR_A, range, settings);
    const searches = tempo.requests.filter((r) => !isTraceLookup(r)).map((r) => targetOf(r).query);
    expect(searches).toContain(buildStepSpansTraceQL([STEP], settings.query));
    expect(result.traceIds).toEqual([traceId(1), traceId(20), traceId(21)]);
  });

  it('does not follow a random correlation_id that a worker span carries without the task_uuid', async () => {
    const spans: FixtureSpan[] = [
      { ...spansA[1], attrs: { task_uuid: TASK_A, step_uuid: STEP_A1 } },
      // Found by the step search; its correlation_id is not the task's.
      {
        traceId: traceId(30),
        spanId: spanId(30),
        name: 'route_event',
        startMs: T0 + 100,
        durationMs: 5,
        attrs: { correlation_id: CORR_WORKER, step_uuid: STEP_A1 },
      },
    ];
    const tempo = tempoWith(spans);
    installDatasources([tempo]);
    const result = await fetchTaskFrames(TASK_A, range, settings);
    const searches = tempo.requests.filter((r) => !isTraceLookup(r)).map((r) => targetOf(r).query);
    expect(searches).toContain(buildStepSpansTraceQL([STEP_A1], settings.query));
    expect(result.traceIds).toContain(traceId(30));
    expect(searches.some((q) => q.includes(CORR_WORKER))).toBe(false);
  });

  it('narrows each trace lookup to the window the search saw it in (when the datasource uses the range)', async () => {
    const tempo = tempoWith(spansA);
    // Grafana's Tempo frontend sends a lookup's range only with traceQuery.timeShiftEnabled (see timeRange.ts).
    Object.assign(tempo, { instanceSettings: { jsonData: { traceQuery: { timeShiftEnabled: true } } } });
    installDatasources([tempo]);
    await fetchTaskFrames(TASK_A, range, settings);
    const lookup = tempo.requests.find((r) => targetOf(r).query === traceId(5));
    expect(lookup).toBeDefined();
    expect(lookup!.range.from.valueOf()).toBe(T0 + 600_000 - NARROW_MARGIN_MS);
    expect(lookup!.range.to.valueOf()).toBe(T0 + 600_015 + NARROW_MARGIN_MS);
    // Narrower than the page's six hours.
    expect(lookup!.range.to.valueOf() - lookup!.range.from.valueOf()).toBeLessThan(
      range.to.valueOf() - range.from.valueOf()
    );
  });

  it('keeps at most `concurrency` trace lookups in flight and still fetches them all', async () => {
    const many: FixtureSpan[] = Array.from({ length: 12 }, (_, i) => ({
      traceId: traceId(50 + i),
      spanId: spanId(50 + i),
      name: 'enqueue_ready_steps',
      startMs: T0 + i,
      durationMs: 1,
      attrs: { task_uuid: TASK_A },
    }));
    // Each lookup waits for a macrotask, so lookups overlap if the pool lets them.
    const tempo = tempoWith(many, {
      hold: (r) => (isTraceLookup(r) ? new Promise<void>((res) => setTimeout(res, 0)) : undefined),
    });
    installDatasources([tempo]);
    const result = await fetchTaskFrames(TASK_A, range, settings, { concurrency: 3 });
    expect(result.traceIds).toHaveLength(12);
    expect(tempo.maxInFlight()).toBe(3);
  });

  it('stops at maxTraces and says the result is truncated', async () => {
    const tempo = tempoWith(spansA);
    installDatasources([tempo]);
    // Each search asks for maxTraces + 1 = 3 traces: the first one already finds more than maxTraces.
    const result = await fetchTaskFrames(TASK_A, range, settings, { maxTraces: 2 });
    expect(result.truncated).toBe(true);
    expect(result.traceIds).toHaveLength(2);
    const lookups = tempo.requests.filter(isTraceLookup);
    expect(lookups).toHaveLength(2);
    // Then no lookup starts before the last search: which traces make the cut is known only then.
    const lastSearch = tempo.requests.map(isTraceLookup).lastIndexOf(false);
    expect(tempo.requests.indexOf(lookups[0])).toBeGreaterThan(lastSearch);
  });

  it('fetches the traces the first search named while the follow-up search runs', async () => {
    // The follow-up search answers only once a trace lookup has been asked for: without overlap, no answer.
    let lookupAsked: () => void = () => {};
    const asked = new Promise<void>((resolve) => (lookupAsked = resolve));
    let searches = 0;
    const tempo = tempoWith(spansA, {
      hold: (r) => {
        if (isTraceLookup(r)) {
          lookupAsked();
          return undefined;
        }
        searches++;
        return searches === 2 ? asked : undefined;
      },
    });
    installDatasources([tempo]);
    const result = await fetchTaskFrames(TASK_A, range, settings);
    expect(searches).toBeGreaterThan(1);
    // The search went out first: it must not queue behind the lookups for one of the browser's connections.
    const firstLookup = tempo.requests.findIndex(isTraceLookup);
    expect(isTraceLookup(tempo.requests[1])).toBe(false);
    expect(firstLookup).toBe(2);
    expect(result.traceIds).toHaveLength(6);
  });

  it('hands over the traces in hand as they arrive, then all of them', async () => {
    const tempo = tempoWith(spansA);
    installDatasources([tempo]);
    const seen: Array<{ loaded: number; expected: number; traces: number }> = [];
    const result = await fetchTaskFrames(CORR_A, range, settings, {
      concurrency: 1,
      onProgress: (p) => seen.push({ loaded: p.loaded, expected: p.expected, traces: p.traceIds.length }),
    });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[0].loaded).toBe(1);
    expect(seen.every((p) => p.loaded === p.traces && p.loaded <= p.expected)).toBe(true);
    // Loaded only grows; the final answer has every trace.
    expect(seen.map((p) => p.loaded)).toEqual([...seen.map((p) => p.loaded)].sort((a, b) => a - b));
    expect(result.traceIds).toHaveLength(6);
  });

  it('does not fetch again the traces a cache holds', async () => {
    const cache = new TraceCache();
    const tempo = tempoWith(spansA);
    installDatasources([tempo]);
    const first = await fetchTaskFrames(CORR_A, range, settings, { cache });
    const lookups = tempo.requests.filter(isTraceLookup).length;
    expect(lookups).toBe(6);
    const again = await fetchTaskFrames(CORR_A, range, settings, { cache });
    expect(tempo.requests.filter(isTraceLookup)).toHaveLength(lookups);
    expect(again.traceIds).toEqual(first.traceIds);
    expect(again.frames).toEqual(first.frames);
  });

  it('reports traces that fail to load and keeps the others', async () => {
    // Tempo over the task's traces, failing the lookup of trace 2.
    const answer = tempoHandler(spansA);
    const tempo = fakeDatasource({ uid: 'tempo', type: 'tempo' }, (request) => {
      if (targetOf(request).query === traceId(2)) {
        throw { status: 500, data: { message: 'boom' } };
      }
      return answer(request);
    });
    installDatasources([tempo]);
    const result = await fetchTaskFrames(TASK_A, range, settings);
    expect(result.traceIds).toEqual([traceId(1), traceId(3), traceId(4), traceId(5), traceId(6)]);
    expect(result.failedTraceIds).toEqual([traceId(2)]);
  });

  it('says "empty" when no span names the task', async () => {
    installDatasources([tempoWith(spansA)]);
    await expect(fetchTaskFrames('00000000-0000-4000-8000-000000000000', range, settings)).rejects.toMatchObject({
      kind: 'empty',
    });
  });

  it('cancels: an abort during the search rejects with "cancelled" and unsubscribes', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((res) => (release = res));
    const tempo = tempoWith(spansA, { hold: () => gate });
    installDatasources([tempo]);
    const controller = new AbortController();
    const pending = fetchTaskFrames(TASK_A, range, settings, { signal: controller.signal });
    await new Promise((res) => setTimeout(res, 0));
    expect(tempo.openSubscriptions()).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
    expect(tempo.openSubscriptions()).toBe(0);
    release();
  });

  it('cancels: an abort during the trace lookups starts no further lookups', async () => {
    const controller = new AbortController();
    const tempo = tempoWith(spansA, {
      hold: (r) => {
        if (isTraceLookup(r)) {
          controller.abort();
        }
        return undefined;
      },
    });
    installDatasources([tempo]);
    await expect(
      fetchTaskFrames(TASK_A, range, settings, { signal: controller.signal, concurrency: 1 })
    ).rejects.toMatchObject({ kind: 'cancelled' });
    expect(tempo.requests.filter(isTraceLookup)).toHaveLength(1);
    expect(tempo.openSubscriptions()).toBe(0);
  });
});

describe('fetchTraceFrames', () => {
  it('returns the trace frame of one trace', async () => {
    installDatasources([tempoWith(spansA)]);
    const frames = await fetchTraceFrames(traceId(3), range, settings);
    expect(frames).toHaveLength(1);
    expect(frames[0].name).toBe('Trace');
  });

  it('rejects a malformed trace id without querying', async () => {
    const tempo = tempoWith(spansA);
    installDatasources([tempo]);
    await expect(fetchTraceFrames('<script>', range, settings)).rejects.toMatchObject({ kind: 'invalid_query' });
    expect(tempo.requests).toHaveLength(0);
  });

  it('maps Tempo 404 and an empty answer to "not found" (empty)', async () => {
    installDatasources([
      fakeDatasource({ uid: 'tempo', type: 'tempo' }, () => {
        throw { status: 404, data: { message: 'trace not found' } };
      }),
    ]);
    await expect(fetchTraceFrames(traceId(9), range, settings)).rejects.toMatchObject({ kind: 'empty' });
    installDatasources([fakeDatasource({ uid: 'tempo', type: 'tempo' }, () => [])]);
    await expect(fetchTraceFrames(traceId(9), range, settings)).rejects.toMatchObject({ kind: 'empty' });
  });
});
