import React, { useEffect } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { DataQueryRequest } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import { fakeDatasource, installDatasources, type FakeDatasource } from '../data/testing/fakeGrafana';
import { lokiFrame, tracesSearchFrame } from '../data/testing/frames';
import {
  CORRELATION_ID,
  HOSTILE_VALUE,
  TASK_UUID,
  framesOf,
  guideTaskSpans,
  searchFixtureOf,
} from '../components/flow/testFrames';
import { clearTraceCaches } from '../data/traceCache';
import TaskFlowPage, { SPAN_PARAM } from './TaskFlowPage';

const T0 = Date.UTC(2026, 10, 26, 5, 0, 0);
const SPANS = guideTaskSpans({ steps: 2, withRetry: true, hostile: true, startMs: T0 });
const TRACE_ID = SPANS[0].traceID;
const FROM = String(T0 - 3_600_000);
const TO = String(T0 + 3_600_000);

function queryOf(request: DataQueryRequest<DataQuery>): string {
  const t = request.targets[0] as DataQuery & { query?: string; expr?: string };
  return t.query ?? t.expr ?? '';
}

let tempoFails = false;
let tempoEmpty = false;

function setup(): { tempo: FakeDatasource; loki: FakeDatasource } {
  const tempo = fakeDatasource({ uid: 'tempo', type: 'tempo' }, (request) => {
    if (tempoFails) {
      throw { status: 503, statusText: 'Service Unavailable', data: { message: 'tempo is down' } };
    }
    const q = queryOf(request);
    if (/^[0-9a-f]{32}$/i.test(q)) {
      return q === TRACE_ID && !tempoEmpty ? framesOf(SPANS) : [];
    }
    return [tracesSearchFrame(tempoEmpty ? [] : SPANS.map(searchFixtureOf))];
  });
  const loki = fakeDatasource({ uid: 'loki', type: 'loki' }, () => [
    lokiFrame([
      {
        timeMs: T0 + 5,
        line: `step.execution_started ${HOSTILE_VALUE}`,
        labels: {
          service_name: 'tasker-rust-worker',
          correlation_id: CORRELATION_ID,
          trace_id: TRACE_ID,
          span_id: SPANS[3].spanID,
          level: 'info',
        },
      },
    ]),
  ]);
  installDatasources([tempo, loki]);
  return { tempo, loki };
}

let lastLocation = '';
function LocationSpy() {
  const location = useLocation();
  useEffect(() => {
    lastLocation = location.pathname + location.search;
  }, [location]);
  return null;
}

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <Routes>
        <Route path="tasks/:taskId" element={<TaskFlowPage />} />
        <Route path="trace/:traceId" element={<TaskFlowPage />} />
      </Routes>
      <LocationSpy />
    </MemoryRouter>
  );
}

beforeEach(() => {
  tempoFails = false;
  tempoEmpty = false;
  // Traces are cached by id across pages: each test starts from nothing.
  clearTraceCaches();
});

describe('TaskFlowPage', () => {
  it('loads every trace of a task and shows header, phases, tree and logs', async () => {
    const { tempo, loki } = setup();
    renderAt(`/tasks/${CORRELATION_ID}?from=${FROM}&to=${TO}`);
    expect(screen.getByTestId('flow-loading')).toBeInTheDocument();
    expect(await screen.findByTestId('flow-header')).toBeInTheDocument();
    expect(screen.getByTestId('flow-task-uuid')).toHaveTextContent(TASK_UUID);
    expect(screen.getByTestId('phase-bar')).toBeInTheDocument();
    expect(screen.getByTestId('step-table')).toBeInTheDocument();
    expect(screen.getAllByTestId('flow-row').length).toBeGreaterThan(1);
    // The time range of the URL reached Tempo.
    expect(tempo.requests[0].range.from.valueOf()).toBe(Number(FROM));
    const logs = screen.getByTestId('task-logs');
    expect(await within(logs).findByText(`step.execution_started ${HOSTILE_VALUE}`)).toBeInTheDocument();
    expect(logs.querySelector('script')).toBeNull();
    expect(queryOf(loki.requests[0])).toContain(CORRELATION_ID);
  });

  it('selects a span: details in the panel, id in the URL, and its logs on demand', async () => {
    const { loki } = setup();
    renderAt(`/tasks/${CORRELATION_ID}?from=${FROM}&to=${TO}`);
    const finalize = SPANS[SPANS.length - 1];
    const row = (await screen.findAllByTestId('flow-row')).find((r) => r.dataset.spanId === finalize.spanID)!;
    fireEvent.click(within(row).getByText('finalize_task'));
    const details = await screen.findByTestId('span-details');
    expect(within(details).getByText(finalize.spanID)).toBeInTheDocument();
    expect(within(screen.getByTestId('span-attributes')).getByText(TASK_UUID)).toBeInTheDocument();
    expect(lastLocation).toContain(`${SPAN_PARAM}=${finalize.spanID}`);
    const before = loki.requests.length;
    fireEvent.click(within(details).getByTestId('span-logs-button'));
    await waitFor(() => expect(loki.requests.length).toBe(before + 1));
    const expr = queryOf(loki.requests[before]);
    expect(expr).toContain(finalize.spanID);
    expect(within(screen.getByTestId('task-logs')).getByText(/span finalize_task/)).toBeInTheDocument();
  });

  it('opens on the span named in a shared URL', async () => {
    setup();
    const hidden = SPANS.find((s) => s.operationName === 'try_claim_step')!;
    renderAt(`/tasks/${TASK_UUID}?from=${FROM}&to=${TO}&${SPAN_PARAM}=${hidden.spanID}`);
    const details = await screen.findByTestId('span-details');
    expect(within(details).getByText(hidden.spanID)).toBeInTheDocument();
    const row = screen.getAllByTestId('flow-row').find((r) => r.dataset.spanId === hidden.spanID);
    expect(row).toHaveAttribute('aria-selected', 'true');
  });

  it('shows one trace as a flow', async () => {
    const { tempo } = setup();
    renderAt(`/trace/${TRACE_ID}?from=${FROM}&to=${TO}`);
    expect(await screen.findByTestId('flow-header')).toBeInTheDocument();
    expect(tempo.requests).toHaveLength(1);
    expect(queryOf(tempo.requests[0])).toBe(TRACE_ID);
  });

  it('explains a failing datasource and retries', async () => {
    const { tempo } = setup();
    tempoFails = true;
    renderAt(`/tasks/${CORRELATION_ID}?from=${FROM}&to=${TO}`);
    const alert = await screen.findByTestId('flow-error');
    expect(alert).toHaveTextContent('503');
    expect(alert).toHaveTextContent('tempo is down');
    tempoFails = false;
    const sent = tempo.requests.length;
    fireEvent.click(within(alert).getByRole('button', { name: /Retry/ }));
    expect(await screen.findByTestId('flow-header')).toBeInTheDocument();
    expect(tempo.requests.length).toBeGreaterThan(sent);
  });

  it('explains an empty result', async () => {
    setup();
    tempoEmpty = true;
    renderAt(`/tasks/${CORRELATION_ID}?from=${FROM}&to=${TO}`);
    const alert = await screen.findByTestId('flow-error');
    expect(alert).toHaveTextContent(`No spans found for task ${CORRELATION_ID}`);
    expect(alert).toHaveTextContent(/widen the time range/i);
  });

  it('rejects a malformed trace id without querying', async () => {
    const { tempo } = setup();
    renderAt(`/trace/${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    const alert = await screen.findByTestId('flow-error');
    expect(alert).toHaveTextContent('is not a trace id');
    expect(alert.querySelector('img')).toBeNull();
    expect(tempo.requests).toHaveLength(0);
  });

  it('cancels the request when the page is left', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const tempo = fakeDatasource({ uid: 'tempo', type: 'tempo' }, () => framesOf(SPANS), { hold: () => held });
    installDatasources([tempo]);
    const { unmount } = renderAt(`/trace/${TRACE_ID}`);
    await waitFor(() => expect(tempo.requests).toHaveLength(1));
    expect(tempo.openSubscriptions()).toBe(1);
    unmount();
    expect(tempo.openSubscriptions()).toBe(0);
    await act(async () => release());
  });
});
