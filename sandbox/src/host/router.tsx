import React, { useLayoutEffect, useState, type ReactNode } from 'react';
import { Router } from 'react-router-dom';
import { locationService } from '@grafana/runtime';

/**
 * A react-router v6 Router driven by @grafana/runtime's locationService history (history v4), as Grafana does:
 * locationService.push() and <Link> move the same history, so the app can use either.
 */
export function LocationServiceRouter({ children }: { children: ReactNode }) {
  const history = locationService.getHistory();
  const [location, setLocation] = useState(history.location);
  useLayoutEffect(() => history.listen((loc: typeof history.location) => setLocation(loc)), [history]);
  return (
    <Router location={location} navigator={history as never}>
      {children}
    </Router>
  );
}
