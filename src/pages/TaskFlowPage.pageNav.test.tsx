import React from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { render, screen } from '@testing-library/react';
import type { NavModelItem } from '@grafana/data';
import type { PluginPageProps } from '@grafana/runtime';
import { fakeDatasource, installDatasources } from '../data/testing/fakeGrafana';
import TaskFlowPage from './TaskFlowPage';

// Grafana sets PluginPage at start (setPluginPage) to its Page, which shows the trail of pageNav and its parents
// ahead of the app's nav (Breadcrumbs/utils.ts). This stand-in prints that trail.
jest.mock('@grafana/runtime', () => {
  const actual = jest.requireActual('@grafana/runtime');
  const trail = (node?: NavModelItem): NavModelItem[] => (node ? [...trail(node.parentItem), node] : []);
  const HostPluginPage = ({ pageNav, children }: PluginPageProps) => (
    <div>
      <nav aria-label="Breadcrumbs">
        {trail(pageNav).map((n) =>
          n.url ? (
            <a key={n.text} href={n.url}>
              {n.text}
            </a>
          ) : (
            <span key={n.text}>{n.text}</span>
          )
        )}
      </nav>
      {children}
    </div>
  );
  return { ...actual, PluginPage: HostPluginPage };
});

const APP = '/a/tasker-observability-app';
const TASK = '550e8400-e29b-41d4-a716-446655440000';
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

function renderAt(url: string) {
  // Tempo never answers: the page chrome does not wait for data.
  const tempo = fakeDatasource({ uid: 'tempo', type: 'tempo' }, () => new Promise(() => undefined));
  const loki = fakeDatasource({ uid: 'loki', type: 'loki' }, () => new Promise(() => undefined));
  installDatasources([tempo, loki]);
  render(
    <MemoryRouter initialEntries={[url]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <Routes>
        <Route path={`${APP}/tasks/:taskId`} element={<TaskFlowPage />} />
        <Route path={`${APP}/trace/:traceId`} element={<TaskFlowPage />} />
      </Routes>
    </MemoryRouter>
  );
  return screen.getByRole('navigation', { name: 'Breadcrumbs' });
}

describe('TaskFlowPage page chrome', () => {
  it('reads "Tasks › Task <id>", Tasks leading back to the list in the same range', () => {
    const crumbs = renderAt(`${APP}/tasks/${TASK}?from=now-3h&to=now`);
    expect(crumbs.textContent).toBe(`TasksTask ${TASK}`);
    expect(screen.getByRole('link', { name: 'Tasks' })).toHaveAttribute('href', `${APP}/tasks?from=now-3h&to=now`);
  });

  it('reads "Tasks › Trace <id>" for one trace', () => {
    const crumbs = renderAt(`${APP}/trace/${TRACE}`);
    expect(crumbs.textContent).toBe(`TasksTrace ${TRACE}`);
  });
});
