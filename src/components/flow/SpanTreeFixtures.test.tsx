// The tree and the details over the flow model's own fixtures: tasker-core's scattered traces, malformed input,
// and its large task-shaped generator.
import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { buildTaskFlow } from '../../flow';
import { makeLargeTaskFrames } from '../../flow/fixtures/largeTask';
import {
  badNumberFrames,
  cycleFrames,
  duplicateFrames,
  missingFieldFrames,
  orphanFrames,
} from '../../flow/fixtures/malformedFrames';
import { SCATTERED, scatteredTaskFrames } from '../../flow/fixtures/scatteredTask';
import type { TaskFlow } from '../../flow/types';
import { FlowHeader } from './FlowHeader';
import { SpanDetails } from './SpanDetails';
import { SpanTree } from './SpanTree';

function renderTree(flow: TaskFlow) {
  return render(<SpanTree flow={flow} selectedIndex={-1} onSelect={() => {}} height={560} />);
}

describe('SpanTree over the flow fixtures', () => {
  it('stitches the nine traces of a scattered task into one tree', () => {
    const flow = buildTaskFlow(scatteredTaskFrames());
    renderTree(flow);
    fireEvent.click(screen.getByTestId('flow-expand-all'));
    expect(screen.getAllByTestId('flow-row')).toHaveLength(flow.nodeCount);
    render(<FlowHeader flow={flow} requestedId={SCATTERED.correlationId} mode="task" onSelectSpan={() => {}} />);
    expect(screen.getByTestId('flow-task-uuid')).toHaveTextContent(SCATTERED.taskUuid);
  });

  it('shows the details of every node, synthetic ones without an Explore link', () => {
    const flow = buildTaskFlow(scatteredTaskFrames());
    for (let i = 0; i < flow.nodeCount; i++) {
      const span = flow.span(flow.idAt(i))!;
      const { unmount } = render(<SpanDetails span={span} exploreHref={span.synthetic ? undefined : '#'} />);
      expect(screen.getByTestId('span-details')).toHaveTextContent(span.spanId);
      expect(screen.queryByRole('link', { name: /Explore/ }) !== null).toBe(!span.synthetic);
      unmount();
    }
  });

  it.each([
    ['a cycle', cycleFrames],
    ['duplicate ids', duplicateFrames],
    ['orphans', orphanFrames],
    ['bad numbers', badNumberFrames],
    ['missing fields', missingFieldFrames],
  ])('renders a flow built from %s', (_label, frames) => {
    const flow = buildTaskFlow(frames());
    renderTree(flow);
    fireEvent.click(screen.getByTestId('flow-expand-all'));
    expect(screen.queryAllByTestId('flow-row')).toHaveLength(Math.min(flow.nodeCount, 37));
    fireEvent.click(screen.getByTestId('flow-collapse-all'));
    expect(screen.queryAllByTestId('flow-row')).toHaveLength(Math.min(flow.roots.length, 37));
  });

  it('keeps a window of rows on the 100k-span task-shaped generator', () => {
    const flow = buildTaskFlow(makeLargeTaskFrames(100_000));
    // The model adds grouping nodes (one per step) on top of the 100k spans; the counter counts only spans.
    expect(flow.spanCount).toBeGreaterThanOrEqual(100_000);
    const total = flow.spanCount.toLocaleString('en-US');
    renderTree(flow);
    fireEvent.click(screen.getByTestId('flow-expand-all'));
    const rows = screen.getAllByTestId('flow-row');
    expect(rows.length).toBeLessThanOrEqual(37);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(screen.getByTestId('flow-row-count')).toHaveTextContent(`${total} of ${total} spans shown`);
    fireEvent.click(screen.getByTestId('flow-errors-only'));
    // Exactly the failed spans and their ancestors, in tree order: the window shows the first of them.
    const expected = errorsAndAncestorsInTreeOrder(flow);
    expect(expected.length).toBeGreaterThan(1);
    const shown = screen
      .queryAllByTestId('flow-row')
      .sort((a, b) => Number(a.dataset.row) - Number(b.dataset.row))
      .map((r) => Number(r.dataset.spanIndex));
    expect(shown.length).toBe(Math.min(expected.length, 37));
    expect(shown).toEqual(expected.slice(0, shown.length));
    const spansShown = expected.filter((i) => i < flow.spanCount).length.toLocaleString('en-US');
    expect(screen.getByTestId('flow-row-count')).toHaveTextContent(`${spansShown} of ${total} spans shown`);
  });
});

/** Span indices of the failed spans and of every ancestor of one, in pre-order (the order of the tree's rows). */
function errorsAndAncestorsInTreeOrder(flow: TaskFlow): number[] {
  const keep = new Set<number>();
  for (let i = 0; i < flow.nodeCount; i++) {
    if (flow.errorAt(i)) {
      for (let id: string | undefined = flow.idAt(i); id !== undefined; id = flow.span(id)?.parentSpanId) {
        keep.add(flow.indexOf(id));
      }
    }
  }
  return Array.from(flow.preorder).filter((i) => keep.has(i));
}
