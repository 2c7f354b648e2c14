import { dateTime, type DataQueryRequest } from '@grafana/data';
import { lastValueFrom } from 'rxjs';
import { TelemetryStore } from '../data/store';
import { CONNECTIONS_PER_HOST, SandboxControl, sequentialRounds, type RecordedRequest } from './control';
import { createTempoStandIn, type TempoTarget } from './tempo';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

function served(
  control: SandboxControl,
  queries: number
): { rec: RecordedRequest; answered: () => boolean; cancel: () => void } {
  const rec = control.record({ target: 'tempo', query: 'q', queries });
  let answered = false;
  const cancel = control.serve(rec, () => {
    answered = true;
  });
  return { rec, answered: () => answered, cancel };
}

describe('the sandbox cost model', () => {
  it('runs the queries of one request one after another (Grafana Tempo backend QueryData loops over them)', () => {
    const control = new SandboxControl();
    control.latencyMs = 100;
    const r = served(control, 3);
    jest.advanceTimersByTime(299);
    expect(r.answered()).toBe(false);
    jest.advanceTimersByTime(1);
    expect(r.answered()).toBe(true);
    expect(r.rec.endMs! - r.rec.startMs!).toBe(300);
  });

  it('runs separate requests in parallel, at most 6 per host; the rest wait for a connection', () => {
    const control = new SandboxControl();
    control.latencyMs = 100;
    const all = Array.from({ length: CONNECTIONS_PER_HOST + 2 }, () => served(control, 1));
    jest.advanceTimersByTime(100);
    expect(all.map((r) => r.answered())).toEqual([true, true, true, true, true, true, false, false]);
    jest.advanceTimersByTime(100);
    expect(all.every((r) => r.answered())).toBe(true);
    expect(sequentialRounds(control.requests)).toBe(2);
  });

  it('frees the connection of a cancelled request, and drops a cancelled waiting one', () => {
    const control = new SandboxControl();
    control.latencyMs = 100;
    const running = Array.from({ length: CONNECTIONS_PER_HOST }, () => served(control, 1));
    const waitingThenCancelled = served(control, 1);
    const next = served(control, 1);
    waitingThenCancelled.cancel();
    running[0].cancel();
    // `next` got the cancelled request's connection at once.
    expect(next.rec.startMs).toBeDefined();
    jest.advanceTimersByTime(100);
    expect(next.answered()).toBe(true);
    expect(waitingThenCancelled.answered()).toBe(false);
    expect(waitingThenCancelled.rec.startMs).toBeUndefined();
  });

  it('counts the longest chain of requests, each weighted by its queries', () => {
    const rec = (startMs: number, endMs: number, queries = 1): RecordedRequest => ({
      target: 'tempo',
      query: '',
      atMs: 0,
      queries,
      startMs,
      endMs,
    });
    // a search, then two parallel fetches, then one of two queries: 1 + 1 + 2.
    expect(sequentialRounds([rec(0, 10), rec(10, 20), rec(11, 21), rec(21, 41, 2)])).toBe(4);
    // parallel requests are one round; unfinished ones do not count.
    expect(sequentialRounds([rec(0, 10), rec(1, 11), { ...rec(2, 0), endMs: undefined }])).toBe(1);
    expect(sequentialRounds([])).toBe(0);
  });

  it('charges a Tempo request per target', async () => {
    const control = new SandboxControl();
    control.latencyMs = 50;
    const tempo = createTempoStandIn(new TelemetryStore(), control, 'tempo');
    const range = { from: dateTime(0), to: dateTime(1000), raw: { from: 'now-1h', to: 'now' } };
    const targets: TempoTarget[] = [
      { refId: 'A', queryType: 'traceql', query: '{ name = "a" }' },
      { refId: 'B', queryType: 'traceql', query: '{ name = "b" }' },
    ];
    const done = lastValueFrom(tempo.query({ targets, range } as unknown as DataQueryRequest<TempoTarget>));
    await jest.advanceTimersByTimeAsync(100);
    await done;
    const [rec] = control.requests;
    expect(rec.queries).toBe(2);
    expect(rec.endMs! - rec.startMs!).toBe(100);
  });
});
