import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { buildTaskFlow } from '../../flow';
import { scatteredTaskFrames } from '../../flow/fixtures/scatteredTask';
import { FlowHeader } from './FlowHeader';
import { SpanTree } from './SpanTree';

// tasker-core's scattered shape: 20 spans in 9 traces, plus 2 synthetic step nodes that group the step traces.
const flow = buildTaskFlow(scatteredTaskFrames());
const spans = scatteredTaskFrames().reduce((n, f) => n + f.length, 0);

describe('span counts on the flow page', () => {
  it('the header counts the real spans, not the synthetic step nodes', () => {
    expect(flow.nodeCount).toBeGreaterThan(spans);
    render(<FlowHeader flow={flow} requestedId="x" mode="task" onSelectSpan={() => {}} />);
    expect(screen.getByTestId('flow-header')).toHaveTextContent(`spans${spans}`);
    expect(screen.getByTestId('flow-header')).not.toHaveTextContent(`spans${flow.nodeCount}`);
  });

  it('the row counter counts the real spans shown, while the tree shows the step nodes as rows too', () => {
    render(<SpanTree flow={flow} selectedIndex={-1} onSelect={() => {}} height={2000} />);
    fireEvent.click(screen.getByTestId('flow-expand-all'));
    expect(screen.getAllByTestId('flow-row')).toHaveLength(flow.nodeCount);
    expect(screen.getByTestId('flow-row-count')).toHaveTextContent(`${spans} of ${spans} spans shown`);
  });
});
