import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { buildTaskFlow } from '../../flow';
import { resolveAppSettings } from '../../settings/defaults';
import { SpanDetails } from './SpanDetails';
import { spanExploreHref } from './exploreHref';
import { HOSTILE_NAME, HOSTILE_VALUE, TASK_UUID, framesOf, guideTaskSpans } from './testFrames';
import { rangeFromUrl } from './urlRange';

const flow = buildTaskFlow(framesOf(guideTaskSpans({ steps: 2, withRetry: true, hostile: true })));
const settings = resolveAppSettings({ tempoDatasourceUid: 'my-tempo' });
const range = rangeFromUrl(null, null);

function spanNamed(name: string, nth = 0) {
  const ids: string[] = [];
  for (let i = 0; i < flow.nodeCount; i++) {
    if (flow.nameAt(i) === name) {
      ids.push(flow.idAt(i));
    }
  }
  const span = flow.span(ids[nth]);
  if (!span) {
    throw new Error(`no span ${name}`);
  }
  return span;
}

describe('SpanDetails', () => {
  it('shows ids, status, attributes and events of the span', () => {
    const failed = spanNamed('execute_step', 1);
    expect(failed.statusCode).toBe(2);
    render(<SpanDetails span={failed} />);
    const panel = screen.getByTestId('span-details');
    expect(within(panel).getByText(failed.spanId)).toBeInTheDocument();
    expect(within(panel).getByText(failed.traceId)).toBeInTheDocument();
    expect(within(panel).getByText('Error')).toBeInTheDocument();
    expect(screen.getByTestId('span-status-message')).toHaveTextContent('handler failed: connection refused');
    const attributes = screen.getByTestId('span-attributes');
    expect(within(attributes).getByText('task_uuid')).toBeInTheDocument();
    expect(within(attributes).getByText(TASK_UUID)).toBeInTheDocument();
    expect(within(screen.getByTestId('span-events')).getByText('step.execution_failed')).toBeInTheDocument();
  });

  it('renders hostile names and values as text', () => {
    const hostile = spanNamed(HOSTILE_NAME);
    const { container } = render(<SpanDetails span={hostile} />);
    expect(screen.getByRole('heading', { name: HOSTILE_NAME })).toBeInTheDocument();
    expect(within(screen.getByTestId('span-attributes')).getByText(HOSTILE_VALUE)).toBeInTheDocument();
    expect(container.querySelector('img, script')).toBeNull();
  });

  it('links to the trace in Explore focused on the span, and asks for the span logs', () => {
    const span = spanNamed('try_claim_step');
    const onShowLogs = jest.fn();
    render(<SpanDetails span={span} exploreHref={spanExploreHref(span, settings, range)} onShowLogs={onShowLogs} />);
    const link = screen.getByRole('link', { name: /Open trace in Explore/ });
    const href = link.getAttribute('href') ?? '';
    const panes = JSON.parse(decodeURIComponent(new URL(href, 'http://x').searchParams.get('panes') ?? '{}'));
    const pane = Object.values(panes)[0] as {
      datasource: string;
      queries: Array<{ query: string }>;
      panelsState: unknown;
    };
    expect(pane.datasource).toBe('my-tempo');
    expect(pane.queries[0].query).toBe(span.traceId);
    expect(pane.panelsState).toEqual({ trace: { spanId: span.spanId } });
    fireEvent.click(screen.getByTestId('span-logs-button'));
    expect(onShowLogs).toHaveBeenCalledWith(span);
  });

  it('gives no Explore link for a span whose trace id is not one', () => {
    const span = { ...spanNamed('try_claim_step'), traceId: 'not-a-trace-id' };
    expect(spanExploreHref(span, settings, range)).toBeUndefined();
  });
});
