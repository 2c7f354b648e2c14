import React from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { DataQueryRequest } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import { fakeDatasource, installDatasources, type FakeDatasource } from '../data/testing/fakeGrafana';
import { lokiFrame, tracesSearchFrame } from '../data/testing/frames';
import {
  CORRELATION_ID,
  framesOf,
  guideTaskSpans,
  searchFixtureOf,
  type TestSpan,
} from '../components/flow/testFrames';
import { clearTraceCaches } from '../data/traceCache';
import TaskFlowPage from './TaskFlowPage';

const T0 = Date.UTC(2026, 10, 26, 5, 0, 0);
const GUIDE = guideTaskSpans({ steps: 2, withRetry: false, startMs: T0 });
const LATE_TRACE = 'c'.repeat(32);
// A second trace of the task (a worker's, say), which arrives after the first.
const LATE: TestSpan[] = [
  {
    ...GUIDE[GUIDE.length - 1],
    traceID: LATE_TRACE,
    spanID: 'c000000000000001',
    parentSpanID: '',
    operationName: 'late_worker_span',
    startTime: T0 + 50,
  },
];
const SPANS = [...GUIDE, ...LATE];
const FROM = String(T0 - 3_600_000);
const TO = String(T0 + 3_600_000);

const queryOf = (r: DataQueryRequest<DataQuery>) => (r.targets[0] as DataQuery & { query?: string }).query ?? '';
const isLookup = (r: DataQueryRequest<DataQuery>) => /^[0-9a-f]{32}$/.test(queryOf(r));

/** Tempo whose lookup of the late trace waits until `release()`. */
function setup(): { tempo: FakeDatasource; release: () => void } {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const tempo = fakeDatasource(
    { uid: 'tempo', type: 'tempo' },
    (request) => {
      const q = queryOf(request);
      if (isLookup(request)) {
        return framesOf(SPANS.filter((s) => s.traceID === q));
      }
      return [tracesSearchFrame(SPANS.map(searchFixtureOf))];
    },
    { hold: (request) => (queryOf(request) === LATE_TRACE ? gate : undefined) }
  );
  const loki = fakeDatasource({ uid: 'loki', type: 'loki' }, () => [lokiFrame([])]);
  installDatasources([tempo, loki]);
  return { tempo, release };
}

function renderTask() {
  return render(
    <MemoryRouter
      initialEntries={[`/tasks/${CORRELATION_ID}?from=${FROM}&to=${TO}`]}
      future={{ v7_startTransition: true, v7_relativeSplatPath: true }}
    >
      <Routes>
        <Route path="tasks/:taskId" element={<TaskFlowPage />} />
      </Routes>
    </MemoryRouter>
  );
}

const rowOf = (spanId: string) => screen.getAllByTestId('flow-row').find((r) => r.dataset.spanId === spanId);

beforeEach(() => clearTraceCaches());

describe('TaskFlowPage loading a task progressively', () => {
  it('shows the first trace at once, says how many are coming, and merges the late one keeping selection and scroll', async () => {
    const { release } = setup();
    renderTask();
    const progress = await screen.findByTestId('flow-progress');
    expect(progress).toHaveTextContent('1 of 2 traces loaded');
    expect(screen.getByTestId('flow-header')).toBeInTheDocument();
    expect(rowOf('c000000000000001')).toBeUndefined();

    const finalize = GUIDE[GUIDE.length - 1];
    fireEvent.click(within(rowOf(finalize.spanID)!).getByText('finalize_task'));
    expect(rowOf(finalize.spanID)).toHaveAttribute('aria-selected', 'true');
    const tree = screen.getByTestId('flow-tree');
    tree.scrollTop = 28;
    fireEvent.scroll(tree);

    await act(async () => release());
    await screen.findByText('late_worker_span');
    expect(screen.queryByTestId('flow-progress')).toBeNull();
    // A new tree for the merged flow, with the same selection and scroll offset.
    expect(screen.getByTestId('flow-tree')).not.toBe(tree);
    expect(screen.getByTestId('flow-tree').scrollTop).toBe(28);
    expect(rowOf(finalize.spanID)).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('span-details')).toHaveTextContent(finalize.spanID);
  });

  it('shows a task visited before at once from the cache, fetching no trace again', async () => {
    const first = setup();
    first.release();
    const view = renderTask();
    await screen.findByText('late_worker_span');
    expect(screen.queryByTestId('flow-progress')).toBeNull();
    view.unmount();

    const { tempo } = setup();
    renderTask();
    // First render: no loading state, no request needed for the flow.
    expect(screen.queryByTestId('flow-loading')).toBeNull();
    expect(screen.getByText('late_worker_span')).toBeInTheDocument();
    // The searches still check for new traces in the background; no trace is looked up again.
    await waitFor(() => {
      expect(tempo.requests.length).toBeGreaterThan(0);
      expect(tempo.openSubscriptions()).toBe(0);
    });
    expect(tempo.requests.filter(isLookup)).toHaveLength(0);
  });
});
