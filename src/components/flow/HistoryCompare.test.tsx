import React from 'react';
import { render, screen } from '@testing-library/react';
import { buildTaskFlow } from '../../flow';
import { GUIDE, guideTaskSpans } from '../../flow/fixtures/guideTask';
import { framesByTrace } from '../../flow/fixtures/traceFrames';
import { compareWithHistory } from '../../history/compare';
import { historyFromRuns } from '../../history/fromRuns';
import { runFigures } from '../../history/runFigures';
import { formatMs } from './format';
import { HistoryCompare } from './HistoryCompare';

function guideFlow(factor: number) {
  const spans = guideTaskSpans().map((s) =>
    s.spanId === GUIDE.ids.execute || s.spanId === GUIDE.ids.handler ? { ...s, duration: s.duration * factor } : s
  );
  return buildTaskFlow(framesByTrace(spans));
}

function doneState(runs: number, factor: number) {
  const history = historyFromRuns(
    Array.from({ length: runs }, (_, i) => runFigures(guideFlow(0.9 + (0.2 * i) / runs))),
    { namespace: 'fulfillment', taskName: 'order_processing', lookbackDays: 7 },
    'one-trace'
  );
  const comparison = compareWithHistory(guideFlow(factor), history, { formatMs: (ms) => formatMs(ms) });
  return { status: 'done' as const, history, comparison };
}

describe('HistoryCompare', () => {
  it('lists this run beside its usual times and marks what is slower than usual', () => {
    render(<HistoryCompare state={doneState(12, 10)} />);
    expect(screen.getByTestId('history-summary')).toHaveTextContent(
      '12 other successful runs of order_processing in fulfillment in the last 7 days. 2 parts are slower than usual.'
    );
    const slow = screen.getByTestId('history-table').querySelectorAll('tr[data-slow="true"]');
    // The wall time is marked in the table; phases and steps are also the anomalies the summary counts.
    expect(Array.from(slow).map((r) => r.getAttribute('data-kind'))).toEqual(['task', 'phase', 'step']);
    expect(slow[2]).toHaveTextContent('reserve_inventory slower than usual');
    expect(slow[2]).toHaveTextContent('10×');
  });

  it('says there is too little history and shows no figures to compare', () => {
    render(<HistoryCompare state={doneState(3, 10)} />);
    expect(screen.getByTestId('history-too-little')).toHaveTextContent(
      'Too little history to compare: 3 other successful runs of order_processing in fulfillment in the last 7 days (at least 5 needed). Nothing is claimed.'
    );
    expect(screen.queryByTestId('history-table')).toBeNull();
  });

  it('says why there is no comparison, and that it is loading', () => {
    const { rerender } = render(<HistoryCompare state={{ status: 'unavailable', reason: 'No namespace.' }} />);
    expect(screen.getByTestId('history-compare')).toHaveTextContent('No namespace.');
    rerender(<HistoryCompare state={{ status: 'loading' }} />);
    expect(screen.getByTestId('history-loading')).toBeInTheDocument();
  });
});
