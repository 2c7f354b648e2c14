import React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { AppPluginMeta, PluginType } from '@grafana/data';
import { fakeDatasource, installBackend, installDatasources, type FakeBackendCall } from '../data/testing/fakeGrafana';
import { lokiFrame, tracesSearchFrame } from '../data/testing/frames';
import { TASK_A, spanId, traceId } from '../data/testing/ids';
import { buildLogQL, buildTraceQL } from '../query';
import { testSettings } from '../data/testing/settings';
import type { LokiTarget, TempoTarget } from '../data/targets';
import type { AppJsonData } from '../settings/types';
import { reloadPage } from '../components/settings/reloadPage';
import AppConfig, { type AppConfigProps } from './AppConfig';

// Reloading is a browser side effect jsdom cannot do; the test checks it is asked for.
jest.mock('../components/settings/reloadPage', () => ({ reloadPage: jest.fn() }));

function props(jsonData: AppJsonData = {}, enabled = true): AppConfigProps {
  const meta = {
    id: 'tasker-observability-app',
    name: 'Tasker',
    type: 'app' as PluginType,
    enabled,
    pinned: true,
    jsonData,
    info: {} as AppPluginMeta['info'],
    module: '',
    baseUrl: '',
  } as AppPluginMeta<AppJsonData>;
  return { plugin: { meta } as AppConfigProps['plugin'], query: {} };
}

let calls: FakeBackendCall[];

function setup(options: { tempoHasSpans?: boolean; prometheusFails?: boolean } = {}) {
  const now = Date.now();
  const tempo = fakeDatasource({ uid: 'tempo', type: 'tempo', name: 'Tempo' }, () =>
    options.tempoHasSpans
      ? [
          tracesSearchFrame([
            {
              traceId: traceId(1),
              spanId: spanId(1),
              name: 'finalize_task',
              startMs: now - 1000,
              durationMs: 1,
              attrs: { task_uuid: TASK_A },
            },
          ]),
        ]
      : []
  );
  const tempo2 = fakeDatasource({ uid: 'tempo-2', type: 'tempo', name: 'Tempo EU' }, () => []);
  const loki = fakeDatasource({ uid: 'loki', type: 'loki', name: 'Loki' }, () => [lokiFrame([])]);
  const prometheus = fakeDatasource({ uid: 'prometheus', type: 'prometheus', name: 'Prometheus' }, () => {
    if (options.prometheusFails) {
      throw { status: 502, data: { message: 'bad gateway' } };
    }
    return [];
  });
  installDatasources([tempo, tempo2, loki, prometheus]);
  calls = installBackend(() => ({}));
  return { tempo, loki, prometheus };
}

describe('AppConfig', () => {
  beforeEach(() => jest.mocked(reloadPage).mockClear());

  it('shows the configured datasources and the default attribute keys', () => {
    setup();
    render(<AppConfig {...props({ tempoDatasourceUid: 'tempo-2' })} />);
    expect(within(screen.getByTestId('settings-tempo')).getByText('Tempo EU')).toBeInTheDocument();
    expect(within(screen.getByTestId('settings-loki')).getByText('Loki')).toBeInTheDocument();
    expect(screen.getByTestId('settings-attr-correlationId')).toHaveValue('correlation_id');
    expect(screen.getByTestId('settings-attr-namespace')).toHaveValue('namespace');
    expect(screen.getByTestId('settings-stream-label')).toHaveValue('service_name');
  });

  it('saves the settings as jsonData, keeping unknown keys, then reloads', async () => {
    setup();
    const previous = { tempoDatasourceUid: 'tempo-2', somethingElse: 1 } as AppJsonData;
    render(<AppConfig {...props(previous)} />);
    fireEvent.change(screen.getByTestId('settings-attr-taskUuid'), { target: { value: 'tasker.task_uuid' } });
    fireEvent.change(screen.getByTestId('settings-search-limit'), { target: { value: '25' } });
    fireEvent.click(screen.getByTestId('settings-save-button'));
    await waitFor(() => expect(reloadPage).toHaveBeenCalled());
    expect(calls).toHaveLength(1);
    expect(calls[0].method).toBe('post');
    expect(calls[0].url).toBe('/api/plugins/tasker-observability-app/settings');
    // The page's own outcome (reload or error) is the only message: no Grafana toast on top.
    expect(calls[0].options).toMatchObject({ showSuccessAlert: false, showErrorAlert: false });
    const body = calls[0].body as { enabled: boolean; jsonData: AppJsonData & { somethingElse?: number } };
    expect(body.enabled).toBe(true);
    expect(body.jsonData.somethingElse).toBe(1);
    expect(body.jsonData.tempoDatasourceUid).toBe('tempo-2');
    expect(body.jsonData.lokiDatasourceUid).toBe('loki');
    expect(body.jsonData.query?.attributes?.taskUuid).toEqual({ scope: 'span', key: 'tasker.task_uuid' });
    expect(body.jsonData.searchLimit).toBe(25);
    // Default rules are not stored, so future defaults apply.
    expect(body.jsonData.phaseRules).toBeUndefined();
  });

  it('says when the settings come from provisioning, and keeps saying it after a save', async () => {
    setup();
    const { unmount } = render(<AppConfig {...props()} />);
    expect(screen.queryByTestId('settings-provisioned')).toBeNull();
    unmount();
    const provisioned = { tempoDatasourceUid: 'tempo', provisioned: true } as AppJsonData;
    render(<AppConfig {...props(provisioned)} />);
    expect(screen.getByTestId('settings-provisioned')).toHaveTextContent(/next restart/);
    fireEvent.click(screen.getByTestId('settings-save-button'));
    await waitFor(() => expect(reloadPage).toHaveBeenCalled());
    // Grafana rewrites them from the file at the next start whatever is saved here, so the marker stays.
    expect((calls[0].body as { jsonData: AppJsonData }).jsonData.provisioned).toBe(true);
  });

  it('shows inline errors and blocks saving while a field is invalid', async () => {
    setup();
    render(<AppConfig {...props()} />);
    fireEvent.change(screen.getByTestId('settings-stream-label'), { target: { value: 'service name' } });
    expect(await screen.findByText(/Query setting streamLabel: expected a Loki label name/)).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('settings-max-traces'), { target: { value: '0' } });
    expect(screen.getByText('Expected a whole number from 1 to 500')).toBeInTheDocument();
    expect(screen.getByTestId('settings-save-button')).toBeDisabled();
    fireEvent.click(screen.getByTestId('settings-save-button'));
    expect(calls).toHaveLength(0);
  });

  it('validates the phase rules and can reset them', async () => {
    setup();
    render(<AppConfig {...props()} />);
    const rules = screen.getByTestId('settings-phase-rules');
    fireEvent.change(rules, { target: { value: '[{"phase": "teatime", "names": ["x"]}]' } });
    expect(await screen.findByText(/unknown phase "teatime"/)).toBeInTheDocument();
    fireEvent.change(rules, { target: { value: '[{' } });
    expect(await screen.findByText(/Not valid JSON/)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('settings-phase-rules-reset'));
    await waitFor(() => expect(screen.queryByText(/Not valid JSON/)).toBeNull());
    expect(screen.getByTestId('settings-save-button')).toBeEnabled();
  });

  it('saves custom phase rules', async () => {
    setup();
    render(<AppConfig {...props()} />);
    const custom = [{ phase: 'execution', names: ['run_step'] }];
    fireEvent.change(screen.getByTestId('settings-phase-rules'), { target: { value: JSON.stringify(custom) } });
    fireEvent.click(screen.getByTestId('settings-save-button'));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect((calls[0].body as { jsonData: AppJsonData }).jsonData.phaseRules).toEqual(custom);
  });

  it('reports a failed save in plain words and does not reload', async () => {
    setup();
    installBackend(() => Promise.reject({ status: 403, data: { message: 'Permission denied' } }));
    render(<AppConfig {...props()} />);
    fireEvent.click(screen.getByTestId('settings-save-button'));
    expect(await screen.findByTestId('settings-save-error')).toHaveTextContent(/refused \(403\): Permission denied/);
    expect(reloadPage).not.toHaveBeenCalled();
  });

  it('Test probes each datasource and says whether it answered and whether Tasker data exists', async () => {
    const { tempo, loki } = setup({ tempoHasSpans: true, prometheusFails: true });
    render(<AppConfig {...props()} />);
    fireEvent.click(screen.getByTestId('settings-test-button'));
    expect(await screen.findByTestId('settings-test-results')).toBeInTheDocument();
    expect(screen.getByTestId('settings-test-result-tempo')).toHaveTextContent(
      'Tempo (Tempo) answered and has Tasker spans from the last hour.'
    );
    expect(screen.getByTestId('settings-test-result-loki')).toHaveTextContent(
      'Loki (Loki) answered, but has no Tasker logs in the last hour.'
    );
    expect(screen.getByTestId('settings-test-result-prometheus')).toHaveTextContent(/failed on the server \(502\)/);
    const settings = testSettings();
    const tempoTarget = tempo.requests[0].targets[0] as TempoTarget;
    expect(tempoTarget.query).toBe(buildTraceQL({}, settings.query));
    expect(tempoTarget.limit).toBe(1);
    expect((loki.requests[0].targets[0] as LokiTarget).expr).toBe(buildLogQL({}, settings.query));
    expect(tempo.requests[0].range.to.valueOf() - tempo.requests[0].range.from.valueOf()).toBe(3_600_000);
  });

  it('Test says when a datasource is gone', async () => {
    setup();
    render(<AppConfig {...props({ lokiDatasourceUid: 'deleted-loki' })} />);
    fireEvent.click(screen.getByTestId('settings-test-button'));
    expect(await screen.findByTestId('settings-test-result-loki')).toHaveTextContent(
      /The datasource "deleted-loki" was not found/
    );
  });
});
