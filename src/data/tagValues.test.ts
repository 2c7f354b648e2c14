import { fetchNamespaceValues, fetchServiceValues, scopedTagName } from './tagValues';
import { absoluteRange } from './timeRange';
import { installBackend } from './testing/fakeGrafana';
import { testSettings } from './testing/settings';

const range = absoluteRange(Date.UTC(2026, 10, 26, 4), Date.UTC(2026, 10, 26, 5));

describe('tag values', () => {
  it('asks Tempo (through the datasource proxy) for the scoped namespace tag over the range', async () => {
    const calls = installBackend(() => ({
      tagValues: [
        { type: 'string', value: 'payments' },
        { type: 'string', value: 'diamond_workflow' },
        { type: 'string', value: 'payments' },
      ],
    }));
    await expect(fetchNamespaceValues(range, testSettings())).resolves.toEqual(['diamond_workflow', 'payments']);
    expect(calls[0].url).toBe('/api/datasources/proxy/uid/tempo/api/v2/search/tag/.namespace/values');
    expect(calls[0].body).toEqual({ start: range.from.valueOf() / 1000, end: range.to.valueOf() / 1000 });
  });

  it('uses the configured scope and datasource, and reads the older list-of-strings answer', async () => {
    const calls = installBackend(() => ({ tagValues: ['a', 'b'] }));
    const settings = testSettings({
      tempoDatasourceUid: 'tempo eu',
      query: { attributes: { namespace: { scope: 'resource', key: 'tasker.namespace' } } } as never,
    });
    await expect(fetchNamespaceValues(range, settings)).resolves.toEqual(['a', 'b']);
    expect(calls[0].url).toBe(
      '/api/datasources/proxy/uid/tempo%20eu/api/v2/search/tag/resource.tasker.namespace/values'
    );
    expect(scopedTagName({ scope: 'span', key: 'namespace' })).toBe('span.namespace');
  });

  it("keeps only Tasker's services", async () => {
    installBackend(() => ({
      tagValues: ['tasker-orchestration', 'grafana', 'tasker-rust-worker'].map((value) => ({ value })),
    }));
    await expect(fetchServiceValues(range, testSettings())).resolves.toEqual([
      'tasker-orchestration',
      'tasker-rust-worker',
    ]);
  });

  it('maps failures and aborts to DataErrors', async () => {
    installBackend(() => Promise.reject({ status: 502, data: { message: 'down' } }));
    await expect(fetchNamespaceValues(range, testSettings())).rejects.toMatchObject({ kind: 'http', status: 502 });
    installBackend(() => new Promise(() => {}));
    const controller = new AbortController();
    const pending = fetchNamespaceValues(range, testSettings(), { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
  });
});
