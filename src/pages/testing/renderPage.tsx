import React, { useEffect } from 'react';
import { MemoryRouter, Route, Routes, useLocation, useNavigate, type NavigateFunction } from 'react-router-dom';
import { render } from '@testing-library/react';
import { PLUGIN_BASE_URL } from '../../constants';

/** The router's location and navigate(), for the test. */
export interface RouterProbe {
  location: () => { pathname: string; search: string };
  navigate: NavigateFunction;
}

interface Seen {
  loc?: { pathname: string; search: string };
  navigate?: NavigateFunction;
}

function Probe({ onSeen }: { onSeen: (seen: Seen) => void }) {
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    onSeen({ loc: { pathname: location.pathname, search: location.search }, navigate });
  });
  return <div data-testid="location">{location.pathname + location.search}</div>;
}

/** Renders `element` at `route` (under the app's base URL) in a memory router, with a catch-all for other pages. */
export function renderAt(element: React.ReactElement, route: string, initialUrl: string) {
  let seen: Seen = {};
  const utils = render(
    <MemoryRouter initialEntries={[initialUrl]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <Routes>
        <Route path={`${PLUGIN_BASE_URL}/${route}`} element={element} />
        <Route path="*" element={<div data-testid="other-page" />} />
      </Routes>
      <Probe
        onSeen={(s) => {
          seen = s;
        }}
      />
    </MemoryRouter>
  );
  const probe: RouterProbe = {
    location: () => seen.loc!,
    navigate: ((to: unknown) => seen.navigate!(to as never)) as NavigateFunction,
  };
  return { ...utils, probe };
}
