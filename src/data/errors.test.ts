import { LoadingState, type DataQueryResponse, type DataSourceApi } from '@grafana/data';
import { of } from 'rxjs';
import { DataError, toDataError } from './errors';
import { getTaskerDatasource } from './datasources';
import { searchTasks } from './tasks';
import { runQuery } from './runQuery';
import { absoluteRange } from './timeRange';
import { fakeDatasource, installDatasources } from './testing/fakeGrafana';
import { testSettings } from './testing/settings';

const range = absoluteRange(Date.UTC(2026, 10, 26, 4), Date.UTC(2026, 10, 26, 5));

function failingTempo(error: unknown) {
  return fakeDatasource({ uid: 'tempo', type: 'tempo', name: 'Tempo' }, () => {
    throw error;
  });
}

async function searchError(): Promise<DataError> {
  try {
    await searchTasks({}, range, testSettings());
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return e as DataError;
  }
  throw new Error('searchTasks did not fail');
}

describe('error mapping of the data layer', () => {
  it('not configured: no datasource uid at all', async () => {
    installDatasources([]);
    await expect(getTaskerDatasource('loki', { ...testSettings(), lokiUid: '' })).rejects.toMatchObject({
      kind: 'not_configured',
      title: 'No Loki datasource is configured',
    });
  });

  it('datasource gone: the configured uid is unknown to Grafana', async () => {
    installDatasources([]);
    const e = await searchError();
    expect(e.kind).toBe('not_found');
    expect(e.title).toContain('tempo');
    expect(e.hint).toMatch(/configuration page/);
  });

  it('datasource of the wrong type is "not configured"', async () => {
    installDatasources([fakeDatasource({ uid: 'tempo', type: 'loki', name: 'Logs' }, () => [])]);
    const e = await searchError();
    expect(e.kind).toBe('not_configured');
    expect(e.title).toMatch(/loki datasource, not Tempo/);
  });

  it('4xx: says the request was rejected and carries the server message and status', async () => {
    installDatasources([failingTempo({ status: 400, data: { message: 'invalid TraceQL: unexpected }' } })]);
    const e = await searchError();
    expect(e).toMatchObject({ kind: 'http', status: 400 });
    expect(e.title).toContain('rejected');
    expect(e.title).toContain('invalid TraceQL: unexpected }');
  });

  it('403: says a permission is missing', async () => {
    installDatasources([failingTempo({ status: 403, data: { message: 'access denied' } })]);
    const e = await searchError();
    expect(e).toMatchObject({ kind: 'http', status: 403 });
    expect(e.hint).toMatch(/permission/);
  });

  it('5xx: says the server failed and to retry', async () => {
    installDatasources([failingTempo({ status: 502, data: { message: 'bad gateway' } })]);
    const e = await searchError();
    expect(e).toMatchObject({ kind: 'http', status: 502 });
    expect(e.hint).toMatch(/Retry/);
  });

  it('timeout: a 504 or a deadline message is a timeout with a hint to narrow the search', async () => {
    installDatasources([failingTempo({ status: 504, data: { message: 'gateway timeout' } })]);
    expect(await searchError()).toMatchObject({ kind: 'timeout', status: 504 });
    installDatasources([failingTempo(new Error('context deadline exceeded'))]);
    const e = await searchError();
    expect(e.kind).toBe('timeout');
    expect(e.hint).toMatch(/Narrow the time range/);
  });

  it('timeout: a query that never answers is given up after timeoutMs and unsubscribed', async () => {
    const tempo = fakeDatasource({ uid: 'tempo', type: 'tempo' }, () => [], { hold: () => new Promise(() => {}) });
    await expect(
      runQuery(tempo, [{ refId: 'A' }], range, { action: 'Tempo search', timeoutMs: 5 })
    ).rejects.toMatchObject({
      kind: 'timeout',
    });
    expect(tempo.openSubscriptions()).toBe(0);
  });

  it('an error inside the response (not thrown) is mapped too', async () => {
    const ds = {
      name: 'Tempo',
      uid: 'tempo',
      query: () =>
        of<DataQueryResponse>({ data: [], state: LoadingState.Error, errors: [{ message: 'bad', status: 422 }] }),
    } as unknown as DataSourceApi;
    await expect(runQuery(ds, [{ refId: 'A' }], range, { action: 'Tempo search' })).rejects.toMatchObject({
      kind: 'http',
      status: 422,
    });
  });

  it('a streaming answer resolves with the final frames', async () => {
    const ds = {
      name: 'Tempo',
      uid: 'tempo',
      query: () =>
        of<DataQueryResponse[]>(
          { data: [{ fields: [], length: 0, name: 'partial' }], state: LoadingState.Streaming },
          { data: [{ fields: [], length: 0, name: 'final' }], state: LoadingState.Done }
        ),
    } as unknown as DataSourceApi;
    const frames = await runQuery(ds, [{ refId: 'A' }], range, { action: 'Tempo search' });
    expect(frames.map((f) => f.name)).toEqual(['final']);
  });

  it('a datasource that returns a Promise works as well', async () => {
    const ds = {
      name: 'Loki',
      uid: 'loki',
      query: async () => ({ data: [{ fields: [], length: 0, name: 'p' }] }),
    } as unknown as DataSourceApi;
    await expect(runQuery(ds, [{ refId: 'A' }], range, { action: 'Loki query' })).resolves.toHaveLength(1);
  });

  it('toDataError keeps DataErrors, recognises aborts and unknown failures', () => {
    const original = new DataError('empty', 't', 'h');
    expect(toDataError(original, { action: 'x' })).toBe(original);
    expect(toDataError({ name: 'AbortError' }, { action: 'Tempo search' }).kind).toBe('cancelled');
    expect(toDataError({ cancelled: true }, { action: 'Tempo search' }).kind).toBe('cancelled');
    const unknown = toDataError(new Error('kaboom'), { action: 'Tempo search', datasource: 'Tempo' });
    expect(unknown.kind).toBe('unknown');
    expect(unknown.title).toBe('Tempo search (Tempo) failed: kaboom');
    expect(toDataError('Datasource x was not found', { action: 'load' }).kind).toBe('not_found');
  });

  it('settings without a datasource uid use the provisioned default', () => {
    expect(testSettings({ tempoDatasourceUid: '  ' }).tempoUid).toBe('tempo');
  });
});
