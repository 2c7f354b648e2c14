import React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { buildLogQL, buildTaskLogsLogQL } from '../query';
import { fakeDatasource, installBackend, installDatasources } from '../data/testing/fakeGrafana';
import { lokiFrame, type FixtureLog } from '../data/testing/frames';
import { CORR_A, STEP_A1, TASK_A, spanId, traceId } from '../data/testing/ids';
import { standInLoki, standInTempo } from '../data/testing/standIns';
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
    // A task named by id: no Tempo here, so its lines are found by the id alone (plain or Debug-wrapped).
    const task = (filter: { correlationId: string; text?: string }) =>
      buildTaskLogsLogQL({ correlationIds: [CORR_A] }, testSettings().query, filter);
    const target = loki.requests[0].targets[0] as LokiTarget;
    expect(target.expr).toBe(task({ correlationId: CORR_A })[0]);
    expect(target.maxLines).toBe(100);
    expect(screen.getByTestId('query-preview-logql')).toHaveTextContent(
      buildLogQL({ correlationId: CORR_A }, testSettings().query)
    );
    expect(screen.getByTestId('logs-searched-by')).toHaveTextContent(`correlation_id ${CORR_A}`);

    fireEvent.change(screen.getByTestId('logs-filter-text'), { target: { value: 'failed' } });
    fireEvent.click(screen.getByTestId('filter-submit'));
    await waitFor(() => expect(probe.location().search).toContain('text=failed'));
    await waitFor(() =>
      expect((loki.requests.at(-1)!.targets[0] as LokiTarget).expr).toBe(
        task({ correlationId: CORR_A, text: 'failed' })[0]
      )
    );
  });

  it("a task found by id also lists the lines that carry only one of its traces (tasker-core's OTLP logs)", async () => {
    const t0 = NOW - 60_000;
    const tempo = standInTempo([
      {
        traceId: traceId(1),
        spanId: spanId(1),
        name: 'create_and_enqueue_task_from_request',
        startMs: t0,
        durationMs: 20,
        attrs: { correlation_id: CORR_A },
      },
      {
        traceId: traceId(2),
        spanId: spanId(2),
        name: 'finalize_task',
        startMs: t0 + 100,
        durationMs: 20,
        attrs: { task_uuid: TASK_A, correlation_id: CORR_A },
      },
      {
        traceId: traceId(3),
        spanId: spanId(3),
        name: 'handle_step_execution_result',
        startMs: t0 + 50,
        durationMs: 20,
        attrs: { step_uuid: STEP_A1 },
      },
      {
        traceId: traceId(4),
        spanId: spanId(4),
        name: 'enqueue_ready_steps',
        startMs: t0 + 10,
        durationMs: 20,
        attrs: { task_uuid: TASK_A, step_uuid: STEP_A1 },
      },
    ]);
    const loki = standInLoki([
      { timeMs: t0 + 20, line: 'Task initialized', labels: { trace_id: traceId(1), task_uuid: `Some(${TASK_A})` } },
      { timeMs: t0 + 60, line: 'Applied backoff', labels: { trace_id: traceId(3), backoff_type: 'exponential' } },
      { timeMs: t0 + 110, line: 'task.finalization_completed', labels: { trace_id: traceId(2), action: 'Completed' } },
      { timeMs: t0 + 120, line: 'another task', labels: { trace_id: traceId(9) } },
    ]);
    installDatasources([tempo, loki]);
    installBackend(() => ({ tagValues: [] }));
    renderAt(<LogsPage />, 'logs', `${BASE}?correlation_id=${CORR_A}&from=now-1h&to=now`);
    const rows = await lines();
    expect(rows.map((r) => within(r).getByTestId('log-message').textContent)).toEqual([
      'task.finalization_completed',
      'Applied backoff',
      'Task initialized',
    ]);
    expect(within(rows[1]).getByTestId('log-trace-link')).toHaveAttribute(
      'href',
      `${PLUGIN_BASE_URL}/trace/${traceId(3)}`
    );
    expect(screen.getByTestId('logs-searched-by')).toHaveTextContent(
      `correlation_id ${CORR_A}, task_uuid ${TASK_A}, step_uuid ${STEP_A1}, 4 traces`
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
