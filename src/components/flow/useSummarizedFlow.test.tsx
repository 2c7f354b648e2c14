// A large flow paints its tree before its summaries; a small one shows everything at once; a flow that replaces
// another keeps the previous summaries on screen until its own are in.
import React from 'react';
import { render, screen } from '@testing-library/react';
import { buildTaskFlow } from '../../flow';
import { errorTaskFrames } from '../../flow/fixtures/errorTask';
import { guideTaskFrames } from '../../flow/fixtures/guideTask';
import type { TaskFlow } from '../../flow/types';
import { useSummarizedFlow } from './useSummarizedFlow';

const names = new WeakMap<TaskFlow, string>();

function Probe({ flow, deferFrom }: { flow: TaskFlow; deferFrom?: number }) {
  const summarized = useSummarizedFlow(flow, deferFrom);
  return (
    <div data-testid="probe">
      {summarized ? `${names.get(summarized)}: ${summarized.steps.length} steps` : 'pending'}
    </div>
  );
}

function named(flow: TaskFlow, name: string): TaskFlow {
  names.set(flow, name);
  return flow;
}

describe('useSummarizedFlow', () => {
  it('sums up a large flow after the frame that paints its tree, not while drawing it', async () => {
    const flow = named(buildTaskFlow(guideTaskFrames()), 'guide');
    render(<Probe flow={flow} deferFrom={0} />);
    expect(screen.getByTestId('probe')).toHaveTextContent('pending');
    expect(flow.summariesReady).toBe(false);
    expect(await screen.findByText(/guide: \d+ steps/)).toBeInTheDocument();
    expect(flow.summariesReady).toBe(true);
  });

  it('shows a small flow with its summaries at once', () => {
    const flow = named(buildTaskFlow(guideTaskFrames()), 'guide');
    render(<Probe flow={flow} />);
    expect(screen.getByTestId('probe')).toHaveTextContent(/guide: \d+ steps/);
  });

  it('keeps the previous flow summaries until the new flow has its own', async () => {
    const first = named(buildTaskFlow(guideTaskFrames()), 'first');
    const { rerender } = render(<Probe flow={first} deferFrom={0} />);
    await screen.findByText(/first: /);
    const second = named(buildTaskFlow(errorTaskFrames()), 'second');
    rerender(<Probe flow={second} deferFrom={0} />);
    expect(screen.getByTestId('probe')).toHaveTextContent(/first: /);
    expect(await screen.findByText(/second: /)).toBeInTheDocument();
  });
});
