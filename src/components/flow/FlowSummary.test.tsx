import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { buildTaskFlow } from '../../flow';
import { AnomalyList } from './AnomalyList';
import { FlowHeader } from './FlowHeader';
import { PhaseBar } from './PhaseBar';
import { StepTable } from './StepTable';
import { formatMs } from './format';
import { CORRELATION_ID, TASK_UUID, framesOf, guideTaskSpans } from './testFrames';

const flow = buildTaskFlow(framesOf(guideTaskSpans({ steps: 3, withRetry: true })));

describe('FlowHeader', () => {
  it('shows the ids, namespace, status and counts', () => {
    render(<FlowHeader flow={flow} requestedId={CORRELATION_ID} mode="task" onSelectSpan={() => {}} />);
    const header = screen.getByTestId('flow-header');
    expect(screen.getByTestId('flow-correlation-id')).toHaveTextContent(CORRELATION_ID);
    expect(screen.getByTestId('flow-task-uuid')).toHaveTextContent(TASK_UUID);
    expect(within(header).getByText('linear_workflow')).toBeInTheDocument();
    expect(within(header).getByText('linear_task')).toBeInTheDocument();
    expect(screen.getByTestId('flow-status')).toHaveTextContent('Error');
    expect(within(header).getByText(String(flow.spanCount))).toBeInTheDocument();
    expect(within(header).getByRole('button', { name: 'Copy task_uuid' })).toBeInTheDocument();
  });

  it('falls back to the requested id when the spans carry no task ids', () => {
    const bare = buildTaskFlow(
      framesOf(
        guideTaskSpans({ steps: 1 }).map((s) => ({ ...s, tags: s.tags.filter((t) => !/_id$|uuid$/.test(t.key)) }))
      )
    );
    render(
      <FlowHeader flow={bare} requestedId="0123456789abcdef0123456789abcdef" mode="trace" onSelectSpan={() => {}} />
    );
    expect(screen.getByTestId('flow-requested-id')).toHaveTextContent('0123456789abcdef0123456789abcdef');
  });
});

describe('AnomalyList', () => {
  it('lists the anomalies, root cause first, and cycles through the spans of one', () => {
    const onSelectSpan = jest.fn();
    render(<AnomalyList anomalies={flow.anomalies} onSelectSpan={onSelectSpan} />);
    const items = within(screen.getByTestId('anomaly-list')).getAllByRole('listitem');
    expect(items.length).toBe(flow.anomalies.length);
    expect(items[0]).toHaveTextContent('likely root cause');
    const retry = flow.anomalies.find((a) => a.kind === 'retry')!;
    const button = within(screen.getByTestId('anomaly-list')).getByRole('button', {
      name: new RegExp(retry.message.slice(0, 20)),
    });
    fireEvent.click(button);
    fireEvent.click(button);
    expect(onSelectSpan.mock.calls.map((c) => c[0])).toEqual(retry.spanIds.slice(0, 2));
  });

  it('says when there is nothing wrong', () => {
    render(<AnomalyList anomalies={[]} onSelectSpan={() => {}} />);
    expect(screen.getByTestId('anomaly-list')).toHaveTextContent('No anomalies found.');
  });

  it('renders a hostile message as text', () => {
    const { container } = render(
      <AnomalyList
        anomalies={[{ kind: 'orphan_span', spanIds: ['a'], message: '<img src=x onerror=alert(1)>' }]}
        onSelectSpan={() => {}}
      />
    );
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('PhaseBar', () => {
  it('draws one segment per phase with time, and a legend', () => {
    render(<PhaseBar flow={flow} />);
    const bar = screen.getByTestId('phase-bar');
    const segments = bar.querySelectorAll('[data-phase]');
    const withTime = Object.entries(flow.phaseTotals).filter(([, ms]) => ms > 0);
    expect(segments).toHaveLength(withTime.length);
    const widths = Array.from(segments).map((s) => parseFloat((s as HTMLElement).style.width));
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 5);
    expect(within(bar).getByText('Execution')).toBeInTheDocument();
    expect(within(bar).getByText('Wall time')).toBeInTheDocument();
    const waits = flow.steps.reduce((acc, s) => acc + (s.queueWaitMs ?? 0), 0);
    expect(waits).toBeGreaterThan(0);
    expect(screen.getByTestId('phase-queue-wait')).toHaveTextContent(formatMs(waits));
  });

  it('draws no step table (StepTable does)', () => {
    render(<PhaseBar flow={flow} />);
    expect(screen.queryByTestId('step-table')).toBeNull();
  });

  it('copes with a task without phase time', () => {
    render(
      <PhaseBar
        flow={{
          durationMs: 0,
          steps: [],
          phaseTotals: {
            initialization: 0,
            enqueueing: 0,
            execution: 0,
            result_processing: 0,
            finalization: 0,
            other: 0,
          },
        }}
      />
    );
    expect(screen.getByTestId('phase-bar')).toHaveTextContent('No phase time recorded');
  });
});

describe('StepTable', () => {
  it('lists the steps with attempts and timings, and selects a step', () => {
    const onSelectStep = jest.fn();
    render(<StepTable steps={flow.steps} onSelectStep={onSelectStep} />);
    const table = screen.getByTestId('step-table');
    const bodyRows = within(table).getAllByRole('row').slice(1);
    expect(bodyRows).toHaveLength(flow.steps.length);
    const retried = flow.steps.find((s) => s.attempts === 2)!;
    const row = bodyRows.find((r) => within(r).queryByText(retried.stepName!))!;
    expect(within(row).getByText('2')).toBeInTheDocument();
    expect(row).toHaveTextContent('failed');
    fireEvent.click(within(row).getByRole('button', { name: retried.stepName! }));
    expect(onSelectStep).toHaveBeenCalledWith(retried);
  });

  it('lists at most maxSteps and counts the rest; draws nothing without steps', () => {
    const { container, rerender } = render(<StepTable steps={flow.steps} maxSteps={1} />);
    expect(within(screen.getByTestId('step-table')).getAllByRole('row')).toHaveLength(2);
    expect(container).toHaveTextContent(`${flow.steps.length - 1} more steps not listed`);
    rerender(<StepTable steps={[]} />);
    expect(screen.queryByTestId('step-table')).toBeNull();
  });
});
