import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import { fireEvent, render, screen } from '@testing-library/react';
import type { LogRow } from '../../data/logRow';
import { LogList } from './LogList';

const row: LogRow = {
  id: 'l1',
  timeMs: Date.UTC(2026, 10, 26, 5, 0, 0),
  level: 'warn',
  message: '<script>alert(1)</script>',
  labels: {},
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
};

describe('LogList', () => {
  it('renders the message as text and calls onSelect for a click on the line, not on its links', () => {
    const onSelect = jest.fn();
    render(
      <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <LogList rows={[row]} onSelect={onSelect} />
      </MemoryRouter>
    );
    expect(screen.getByTestId('log-message')).toHaveTextContent('<script>alert(1)</script>');
    expect(document.querySelector('script')).toBeNull();
    fireEvent.click(screen.getByTestId('log-explore-link'));
    expect(onSelect).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('log-message'));
    expect(onSelect).toHaveBeenCalledWith(row);
  });

  it('renders nothing but the list for no rows', () => {
    render(
      <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <LogList rows={[]} />
      </MemoryRouter>
    );
    expect(screen.getByTestId('log-list').children).toHaveLength(0);
  });

  it('keeps the links named and the message whole in the compact layout', () => {
    const long = 'x'.repeat(400);
    const withTask: LogRow = { ...row, message: long, correlationId: 'c-1', taskUuid: 't-1' };
    render(
      <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <LogList rows={[withTask]} layout="compact" />
      </MemoryRouter>
    );
    expect(screen.getByTestId('log-list')).toHaveAttribute('data-layout', 'compact');
    expect(screen.getByTestId('log-message')).toHaveTextContent(long);
    // Icons only on screen, but each link keeps its name for screen readers and a tooltip.
    expect(screen.getByTestId('log-task-link')).toHaveAccessibleName('Task');
    expect(screen.getByTestId('log-trace-link')).toHaveAccessibleName('Trace');
    expect(screen.getByTestId('log-explore-link')).toHaveAccessibleName('Explore');
    expect(screen.getByTestId('log-trace-link')).toHaveAttribute('title', `Flow of trace ${row.traceId}`);
  });
});
