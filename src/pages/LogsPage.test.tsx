import React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { buildLogQL } from '../query';
import { fakeDatasource, installBackend, installDatasources } from '../data/testing/fakeGrafana';
import { lokiFrame, type FixtureLog } from '../data/testing/frames';
import { CORR_A, TASK_A } from '../data/testing/ids';
import { testSettings } from '../data/testing/settings';
import type { LokiTarget } from '../data/targets';
import { PLUGIN_BASE_URL } from '../constants';
import LogsPage from './LogsPage';
import { renderAt } from './testing/renderPage';

const NOW = Date.now();
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';

const logs: FixtureLog[] = [
  // OTLP log: ids in structured metadata.
  {
    timeMs: NOW - 1000,
    line: 'task.finalization_completed',
    labels: {
      service_name: 'tasker-orchestration',
      detected_level: 'info',
      trace_id: TRACE,
      span_id: SPAN,
      task_uuid: TASK_A,
    },
  },
  // Plain text from tracing's formatter: the correlation_id only inside the line.
  {
    timeMs: NOW - 2000,
    line: `2026-11-26T05:00:00Z ERROR ThreadId(07) worker.step_execution{ correlation_id=${CORR_A} }: step failed <b>bold</b>`,
    labels: { service_name: 'tasker-rust-worker' },
  },
  // No ids at all.
  { timeMs: NOW - 3000, line: 'polling queue', labels: { service_name: 'tasker-orchestration' } },
];

function setupLoki(handler: () => Array<ReturnType<typeof lokiFrame>> = () => [lokiFrame(logs)]) {
  const loki = fakeDatasource({ uid: 'loki', type: 'loki', name: 'Loki' }, handler);
  installDatasources([loki]);
  installBackend(() => ({ tagValues: [] }));
  return loki;
}

const BASE = `${PLUGIN_BASE_URL}/logs`;

async function lines() {
  await screen.findByTestId('log-list');
  return screen.getAllByTestId('log-row');
}

describe('LogsPage', () => {
  it('lists time, level and message as text', async () => {
    setupLoki();
    renderAt(<LogsPage />, 'logs', BASE);
    const rows = await lines();
    expect(rows).toHaveLength(3);
    expect(within(rows[0]).getByTestId('log-level')).toHaveTextContent('info');
    expect(within(rows[1]).getByTestId('log-level')).toHaveTextContent('error');
    expect(within(rows[1]).getByTestId('log-message').textContent).toContain('<b>bold</b>');
    expect(rows[1].querySelector('b')).toBeNull();
  });

  it('links lines with ids to their task flow, trace flow and Explore; lines without ids get no links', async () => {
    setupLoki();
    renderAt(<LogsPage />, 'logs', BASE);
    const rows = await lines();
    const otlp = within(rows[0]);
    expect(otlp.getByTestId('log-task-link')).toHaveAttribute('href', `${PLUGIN_BASE_URL}/tasks/${TASK_A}`);
    expect(otlp.getByTestId('log-trace-link')).toHaveAttribute('href', `${PLUGIN_BASE_URL}/trace/${TRACE}`);
    const explore = decodeURIComponent(otlp.getByTestId('log-explore-link').getAttribute('href') ?? '');
    expect(explore).toContain('/explore?');
    expect(explore).toContain(TRACE);
    expect(explore).toContain(SPAN);

    const text = within(rows[1]);
    expect(text.getByTestId('log-task-link')).toHaveAttribute('href', `${PLUGIN_BASE_URL}/tasks/${CORR_A}`);
    expect(text.queryByTestId('log-trace-link')).toBeNull();

    expect(within(rows[2]).queryByTestId('log-task-link')).toBeNull();
    expect(within(rows[2]).queryByTestId('log-explore-link')).toBeNull();
  });

  it('runs the LogQL of the filter in the URL and keeps new searches in the URL', async () => {
    const loki = setupLoki();
    const { probe } = renderAt(<LogsPage />, 'logs', `${BASE}?correlation_id=${CORR_A}&limit=100`);
    await lines();
    const target = loki.requests[0].targets[0] as LokiTarget;
    expect(target.expr).toBe(buildLogQL({ correlationId: CORR_A }, testSettings().query));
    expect(target.maxLines).toBe(100);
    expect(screen.getByTestId('query-preview-logql')).toHaveTextContent(target.expr);

    fireEvent.change(screen.getByTestId('logs-filter-text'), { target: { value: 'failed' } });
    fireEvent.click(screen.getByTestId('filter-submit'));
    await waitFor(() => expect(probe.location().search).toContain('text=failed'));
    await waitFor(() =>
      expect((loki.requests.at(-1)!.targets[0] as LokiTarget).expr).toBe(
        buildLogQL({ correlationId: CORR_A, text: 'failed' }, testSettings().query)
      )
    );
  });

  it('blocks an invalid filter with an inline error', async () => {
    const loki = setupLoki();
    renderAt(<LogsPage />, 'logs', BASE);
    await lines();
    const before = loki.requests.length;
    fireEvent.change(screen.getByTestId('tasks-filter-step-uuid'), { target: { value: '123' } });
    expect(await screen.findByText(/Expected a UUID/)).toBeInTheDocument();
    expect(screen.getByTestId('filter-submit')).toBeDisabled();
    expect(loki.requests.length).toBe(before);
  });

  it('says what to try when there are no lines', async () => {
    setupLoki(() => []);
    renderAt(<LogsPage />, 'logs', BASE);
    expect(await screen.findByTestId('logs-empty')).toHaveTextContent(/OTEL_LOGS_ENABLED/);
  });

  it('shows a Loki failure with a hint and retries', async () => {
    let fail = true;
    setupLoki(() => {
      if (fail) {
        throw { status: 400, data: { message: 'parse error at line 1' } };
      }
      return [lokiFrame(logs)];
    });
    renderAt(<LogsPage />, 'logs', BASE);
    expect(await screen.findByTestId('data-error')).toHaveTextContent('Loki query (Loki) rejected the request (400)');
    fail = false;
    fireEvent.click(screen.getByTestId('data-error-retry'));
    expect(await lines()).toHaveLength(3);
  });
});
