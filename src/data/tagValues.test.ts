import { setBackendSrv } from '@grafana/runtime';
import { TelemetryStore } from '../../sandbox/src/data/store';
import { SandboxControl } from '../../sandbox/src/datasources/control';
import { createBackendSrv } from '../../sandbox/src/host/backendSrv';
import { fetchNamespaceValues, fetchServiceValues, scopedTagName } from './tagValues';
import { absoluteRange } from './timeRange';
import { installBackend } from './testing/fakeGrafana';
import { testSettings } from './testing/settings';
import { storedSpan } from './testing/standIns';
import { spanId, traceId } from './testing/ids';

const T0 = Date.UTC(2026, 10, 26, 4, 30);
const range = absoluteRange(Date.UTC(2026, 10, 26, 4), Date.UTC(2026, 10, 26, 5));

/** Grafana's backend as the sandbox serves it, over spans of Tasker's services and of another service. */
function sandboxBackend(): SandboxControl {
  const store = new TelemetryStore();
  const span = (n: number, service: string, namespace: string) =>
    storedSpan({
      traceId: traceId(n),
      spanId: spanId(n),
      name: 'enqueue_ready_steps',
      startMs: T0 + n,
      durationMs: 1,
      service,
      attrs: { namespace },
    });
  store.add({
    spans: [
      span(1, 'tasker-orchestration', 'payments'),
      span(2, 'tasker-rust-worker', 'diamond_workflow'),
      span(3, 'checkout', 'not-tasker'),
    ],
    logs: [],
    tasks: [],
  });
  const control = new SandboxControl();
  control.latencyMs = 0;
  setBackendSrv(createBackendSrv(store, control));
  return control;
}

describe('tag values', () => {
  it('asks the Tempo datasource’s resource API, as Grafana 13.1’s Tempo editor does, scoped to Tasker’s services', async () => {
    const calls = installBackend(() => ({
      tagValues: [
        { type: 'string', value: 'payments' },
        { type: 'string', value: 'diamond_workflow' },
        { type: 'string', value: 'payments' },
      ],
    }));
    await expect(fetchNamespaceValues(range, testSettings())).resolves.toEqual(['diamond_workflow', 'payments']);
    expect(calls[0].url).toBe('/api/datasources/uid/tempo/resources/tag-values');
    expect(calls[0].body).toEqual({
      tag: '.namespace',
      q: '{resource.service.name =~ "^tasker-.+$"}',
      limit: 5000,
      start: range.from.valueOf() / 1000,
      end: range.to.valueOf() / 1000,
    });
  });

  it('encodes the tag once more (the backend path-unescapes it) and uses the configured scope and datasource', async () => {
    const calls = installBackend(() => ({ tagValues: ['a', 'b'] }));
    const settings = testSettings({
      tempoDatasourceUid: 'tempo eu',
      query: { attributes: { namespace: { scope: 'resource', key: 'tasker/namespace' } } } as never,
    });
    await expect(fetchNamespaceValues(range, settings)).resolves.toEqual(['a', 'b']);
    expect(calls[0].url).toBe('/api/datasources/uid/tempo%20eu/resources/tag-values');
    expect((calls[0].body as { tag: string }).tag).toBe('resource.tasker%2Fnamespace');
    expect(scopedTagName({ scope: 'span', key: 'namespace' })).toBe('span.namespace');
  });

  it('against the sandbox’s Grafana: only values seen on Tasker’s spans come back', async () => {
    sandboxBackend();
    await expect(fetchNamespaceValues(range, testSettings())).resolves.toEqual(['diamond_workflow', 'payments']);
    await expect(fetchServiceValues(range, testSettings())).resolves.toEqual([
      'tasker-orchestration',
      'tasker-rust-worker',
    ]);
  });

  it("keeps only Tasker's services even if Tempo ignores q=", async () => {
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
