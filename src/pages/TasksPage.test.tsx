import React from 'react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { buildTaskListTraceQL } from '../query';
import { fakeDatasource, installBackend, installDatasources, type FakeBackendCall } from '../data/testing/fakeGrafana';
import { tracesSearchFrame, type FixtureSpan } from '../data/testing/frames';
import { CORR_A, CORR_B, TASK_A, TASK_B, spanId, traceId } from '../data/testing/ids';
import { testSettings } from '../data/testing/settings';
import type { TempoTarget } from '../data/targets';
import { PLUGIN_BASE_URL } from '../constants';
import TasksPage from './TasksPage';
import { renderAt } from './testing/renderPage';

const NOW = Date.now();
const spans: FixtureSpan[] = [
  {
    traceId: traceId(1),
    spanId: spanId(1),
    name: 'create_and_enqueue_task_from_request',
    startMs: NOW - 600_000,
    durationMs: 20,
    attrs: { correlation_id: CORR_A, task_name: '<img src=x onerror=alert(1)>', namespace: 'order_fulfillment' },
  },
  {
    traceId: traceId(2),
    spanId: spanId(2),
    name: 'finalize_task',
    startMs: NOW - 599_000,
    durationMs: 1500,
    attrs: { correlation_id: CORR_A, task_uuid: TASK_A },
  },
  {
    traceId: traceId(3),
    spanId: spanId(3),
    name: 'create_and_enqueue_task_from_request',
    startMs: NOW - 60_000,
    durationMs: 30,
    attrs: { correlation_id: CORR_B, task_uuid: TASK_B, namespace: 'payments' },
    status: 'error',
  },
];

let backendCalls: FakeBackendCall[];

function setupTempo(handler: () => Array<ReturnType<typeof tracesSearchFrame>> = () => [tracesSearchFrame(spans)]) {
  const tempo = fakeDatasource({ uid: 'tempo', type: 'tempo', name: 'Tempo' }, handler);
  installDatasources([tempo]);
  backendCalls = installBackend((call) =>
    String((call.body as { tag?: string } | undefined)?.tag).includes('namespace')
      ? {
          tagValues: [
            { type: 'string', value: 'payments' },
            { type: 'string', value: 'order_fulfillment' },
          ],
        }
      : {
          tagValues: [
            { type: 'string', value: 'tasker-orchestration' },
            { type: 'string', value: 'other-app' },
          ],
        }
  );
  return tempo;
}

const BASE = `${PLUGIN_BASE_URL}/tasks`;

function renderTasks(url = BASE) {
  return renderAt(<TasksPage />, 'tasks', url);
}

async function rows() {
  await screen.findByTestId('tasks-results-table');
  return screen.getAllByTestId('task-row');
}

describe('TasksPage', () => {
  it('lists one row per task with its ids, namespace, name, duration, status and counts', async () => {
    setupTempo();
    renderTasks();
    const list = await rows();
    expect(list).toHaveLength(2);
    // Newest first: task B.
    expect(list[0]).toHaveAttribute('data-task-key', TASK_B);
    const a = within(list[1]);
    expect(a.getByText(CORR_A)).toBeInTheDocument();
    expect(a.getByText(TASK_A)).toBeInTheDocument();
    expect(a.getByText('order_fulfillment')).toBeInTheDocument();
    expect(a.getByText('2.5 s')).toBeInTheDocument();
    expect(a.getByText('ok')).toBeInTheDocument();
    expect(within(list[0]).getByText('error')).toBeInTheDocument();
    // Span data is text, never markup.
    expect(a.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(screen.getByTestId('tasks-count')).toHaveTextContent('2 tasks');
  });

  it('loads namespace and service values from Tempo tag values', async () => {
    setupTempo();
    renderTasks();
    await rows();
    await waitFor(() => expect(backendCalls.length).toBeGreaterThanOrEqual(2));
    // Through the datasource's resource API, as Grafana 13.1's Tempo editor asks (not the raw proxy).
    expect(new Set(backendCalls.map((c) => c.url))).toEqual(
      new Set(['/api/datasources/uid/tempo/resources/tag-values'])
    );
    const tags = backendCalls.map((c) => (c.body as { tag: string }).tag);
    expect(tags).toEqual(expect.arrayContaining(['.namespace', 'resource.service.name']));
  });

  it('shows the generated TraceQL and LogQL live, with Explore links', async () => {
    setupTempo();
    renderTasks();
    await rows();
    fireEvent.change(screen.getByTestId('tasks-filter-correlation-id'), { target: { value: CORR_A } });
    expect(screen.getByTestId('query-preview-traceql')).toHaveTextContent(
      buildTaskListTraceQL({ correlationId: CORR_A }, testSettings().query)
    );
    expect(screen.getByTestId('query-preview-logql')).toHaveTextContent(CORR_A);
    expect(screen.getByTestId('explore-traceql').getAttribute('href')).toMatch(/^\/explore\?schemaVersion=1&panes=/);
    expect(screen.getByTestId('explore-logql').getAttribute('href')).toMatch(/^\/explore\?/);
  });

  it('shows an inline error for an invalid id and runs no query while it is invalid', async () => {
    const tempo = setupTempo();
    renderTasks();
    await rows();
    const before = tempo.requests.length;
    fireEvent.change(screen.getByTestId('tasks-filter-task-uuid'), { target: { value: 'not-a-uuid' } });
    expect(await screen.findByText(/Expected a UUID/)).toBeInTheDocument();
    expect(screen.getByTestId('filter-submit')).toBeDisabled();
    fireEvent.submit(screen.getByTestId('filter-bar'));
    expect(screen.getByTestId('query-preview-traceql-problem')).toBeInTheDocument();
    expect(tempo.requests.length).toBe(before);
  });

  it('refuses to run an invalid filter that arrives in a link', async () => {
    const tempo = setupTempo();
    renderTasks(`${BASE}?task_uuid=nope`);
    expect(await screen.findByTestId('tasks-invalid-filter')).toBeInTheDocument();
    expect(tempo.requests).toHaveLength(0);
  });

  it('puts the applied filter, sort and limit in the URL, and back restores the previous search', async () => {
    const tempo = setupTempo();
    const { probe } = renderTasks();
    await rows();
    fireEvent.change(screen.getByTestId('tasks-filter-correlation-id'), { target: { value: CORR_A } });
    fireEvent.click(screen.getByTestId('filter-submit'));
    await waitFor(() => expect(probe.location().search).toContain(`correlation_id=${CORR_A}`));
    // The list's own search (follow-up searches by the ids found may come after it).
    const searches = () => tempo.requests.map((r) => (r.targets[0] as TempoTarget).query);
    await waitFor(() =>
      expect(searches()).toContain(buildTaskListTraceQL({ correlationId: CORR_A }, testSettings().query))
    );
    fireEvent.click(screen.getByTestId('sort-duration'));
    await waitFor(() => expect(probe.location().search).toContain('sort=duration'));
    expect(probe.location().search).toContain('dir=desc');

    act(() => probe.navigate(-1));
    await waitFor(() => expect(probe.location().search).not.toContain('sort='));
    act(() => probe.navigate(-1));
    await waitFor(() => expect(probe.location().search).toBe(''));
    expect(screen.getByTestId('tasks-filter-correlation-id')).toHaveValue('');
  });

  it('sorts by a column and flips direction on a second click', async () => {
    setupTempo();
    renderTasks(`${BASE}?sort=duration&dir=asc`);
    let list = await rows();
    expect(list.map((r) => r.getAttribute('data-task-key'))).toEqual([TASK_B, TASK_A]);
    fireEvent.click(screen.getByTestId('sort-duration'));
    await waitFor(() => {
      list = screen.getAllByTestId('task-row');
      expect(list.map((r) => r.getAttribute('data-task-key'))).toEqual([TASK_A, TASK_B]);
    });
  });

  it('reads the limit from the URL and passes it to the search', async () => {
    const tempo = setupTempo();
    renderTasks(`${BASE}?limit=1`);
    const list = await rows();
    expect(list).toHaveLength(1);
    expect((tempo.requests[0].targets[0] as TempoTarget).limit).toBeGreaterThanOrEqual(1);
  });

  it('opens the task flow when a row is clicked, carrying the time range', async () => {
    setupTempo();
    const { probe } = renderTasks(`${BASE}?from=now-3h&to=now`);
    const list = await rows();
    fireEvent.click(list[0]);
    await screen.findByTestId('other-page');
    expect(probe.location().pathname).toBe(`${PLUGIN_BASE_URL}/tasks/${TASK_B}`);
    expect(probe.location().search).toBe('?from=now-3h&to=now');
  });

  it('links each row to its task flow', async () => {
    setupTempo();
    renderTasks();
    const list = await rows();
    expect(within(list[1]).getByTestId('task-row-link').getAttribute('href')).toBe(
      `${PLUGIN_BASE_URL}/tasks/${TASK_A}?from=now-1h&to=now`
    );
  });

  it('links to the Logs page with the same filter and range, without the list-only parameters', async () => {
    setupTempo();
    renderTasks(`${BASE}?namespace=payments&status=error&sort=spans&from=now-3h&to=now`);
    await rows();
    expect(screen.getByTestId('tasks-to-logs')).toHaveAttribute(
      'href',
      `${PLUGIN_BASE_URL}/logs?namespace=payments&from=now-3h&to=now`
    );
  });

  it('shows progress while the search runs', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((res) => (release = res));
    const tempo = fakeDatasource({ uid: 'tempo', type: 'tempo' }, () => [tracesSearchFrame(spans)], {
      hold: () => gate,
    });
    installDatasources([tempo]);
    installBackend(() => ({ tagValues: [] }));
    renderTasks();
    expect(await screen.findByTestId('tasks-loading')).toBeInTheDocument();
    release();
    await rows();
    expect(screen.queryByTestId('tasks-loading')).toBeNull();
  });

  it('cancels a running search when the filter changes, and when the page is left', async () => {
    const tempo = fakeDatasource({ uid: 'tempo', type: 'tempo' }, () => [tracesSearchFrame(spans)], {
      hold: () => new Promise<void>(() => {}),
    });
    installDatasources([tempo]);
    installBackend(() => ({ tagValues: [] }));
    const { unmount } = renderTasks();
    await screen.findByTestId('tasks-loading');
    await waitFor(() => expect(tempo.openSubscriptions()).toBe(1));
    fireEvent.change(screen.getByTestId('tasks-filter-correlation-id'), { target: { value: CORR_B } });
    fireEvent.click(screen.getByTestId('filter-submit'));
    await waitFor(() => expect(tempo.requests.length).toBe(2));
    // The first search was unsubscribed: only the new one is open.
    expect(tempo.openSubscriptions()).toBe(1);
    unmount();
    expect(tempo.openSubscriptions()).toBe(0);
  });

  it('says what to try next when nothing is found', async () => {
    setupTempo(() => []);
    renderTasks();
    expect(await screen.findByTestId('tasks-empty')).toHaveTextContent(/Widen the time range/);
  });

  it('shows what failed with a hint, and Retry runs the search again', async () => {
    let fail = true;
    setupTempo(() => {
      if (fail) {
        throw { status: 500, data: { message: 'Tempo is down' } };
      }
      return [tracesSearchFrame(spans)];
    });
    renderTasks();
    const alert = await screen.findByTestId('data-error');
    expect(alert).toHaveTextContent('Tempo search (Tempo) failed on the server (500): Tempo is down');
    expect(alert).toHaveTextContent(/Retry in a moment/);
    fail = false;
    fireEvent.click(screen.getByTestId('data-error-retry'));
    expect(await rows()).toHaveLength(2);
  });

  it('explains a missing Tempo datasource', async () => {
    installDatasources([]);
    installBackend(() => ({ tagValues: [] }));
    renderTasks();
    expect(await screen.findByTestId('data-error')).toHaveTextContent(/datasource "tempo" was not found/);
  });
});
