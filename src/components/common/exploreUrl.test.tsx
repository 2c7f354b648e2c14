import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import { render, screen } from '@testing-library/react';
import { dateTime, type TimeRange } from '@grafana/data';
import { config } from '@grafana/runtime';
import type { FlowSpan } from '../../flow/types';
import { logsPane, tracePane, traceqlSearchPane, type ExplorePane } from '../../query';
import { resolveAppSettings } from '../../settings/defaults';
import { queryPreviews } from '../filters/queryPreviews';
import { spanExploreHref } from '../flow/exploreHref';
import { LogList } from '../logs/LogList';
import { currentExploreContext } from './currentExploreContext';
import { exploreUrl } from './exploreUrl';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const RANGE = { from: 'now-1h', to: 'now' };

/** What Grafana's Explore reads from a link: path, schemaVersion, orgId and the panes. */
function readLink(href: string) {
  const url = new URL(href, 'http://grafana.local');
  return {
    path: url.pathname,
    schemaVersion: url.searchParams.get('schemaVersion'),
    orgId: url.searchParams.get('orgId'),
    panes: JSON.parse(url.searchParams.get('panes') ?? 'null') as Record<string, ExplorePane>,
  };
}

describe('exploreUrl', () => {
  it('names the organisation it is given, under Grafana’s sub path', () => {
    const panes = { trace: tracePane('tempo', TRACE, RANGE) };
    const href = exploreUrl(panes, { orgId: 3, appSubUrl: '/grafana/' });
    expect(href.startsWith('/grafana/explore?schemaVersion=1&panes=')).toBe(true);
    expect(readLink(href)).toEqual({ path: '/grafana/explore', schemaVersion: '1', orgId: '3', panes });
  });

  it('keeps every character of a query through the URL', () => {
    const query = '{span.note = "a&b=c #x +y %z 100% ü $x"}';
    const panes = { search: traceqlSearchPane('tempo', query, RANGE) };
    expect(readLink(exploreUrl(panes, { orgId: 1, appSubUrl: '' })).panes).toEqual(panes);
  });

  it('splits the view with two panes', () => {
    const panes = { trace: tracePane('t', TRACE, RANGE), logs: logsPane('l', '{a="b"}', RANGE) };
    expect(Object.keys(readLink(exploreUrl(panes, { orgId: 1, appSubUrl: '' })).panes)).toEqual(['trace', 'logs']);
  });

  it('refuses to build a link without a real organisation id', () => {
    const panes = { trace: tracePane('t', TRACE, RANGE) };
    for (const orgId of [undefined, 0, -1, 1.5, NaN, '2']) {
      expect(() => exploreUrl(panes, { orgId: orgId as number, appSubUrl: '' })).toThrow(
        /needs the id of the current organisation/
      );
    }
  });
});

describe('Explore links of the pages', () => {
  const settings = resolveAppSettings({ tempoDatasourceUid: 'my-tempo', lokiDatasourceUid: 'my-loki' });
  const saved = config.bootData.user.orgId;
  beforeEach(() => {
    config.bootData.user.orgId = 7;
  });
  afterEach(() => {
    config.bootData.user.orgId = saved;
  });

  it('query previews open Explore in the user’s organisation, over the picker’s range as it reads', () => {
    const now = dateTime();
    const range: TimeRange = { from: now.subtract(1, 'h'), to: now, raw: { from: 'now-1h', to: 'now' } };
    const previews = queryPreviews({ namespace: ['fulfillment'] }, settings, range, currentExploreContext(), 20);
    expect(previews.map((p) => p.exploreHref && readLink(p.exploreHref).orgId)).toEqual(['7', '7']);
    const search = readLink(previews[0].exploreHref!).panes.search;
    expect(search.range).toEqual(RANGE);
    expect(search.datasource).toBe('my-tempo');
  });

  it('a span’s Explore link is in the user’s organisation', () => {
    const start = Date.UTC(2026, 10, 26, 5, 0, 0);
    const span = { traceId: TRACE, spanId: '00f067aa0ba902b7', startMs: start, durationMs: 1000 } as FlowSpan;
    const range: TimeRange = { from: dateTime(start), to: dateTime(start), raw: { from: 'now-1h', to: 'now' } };
    const link = readLink(spanExploreHref(span, settings, range)!);
    expect(link.orgId).toBe('7');
    expect(link.panes.trace.range).toEqual({
      from: String(start - 15 * 60_000),
      to: String(start + 1000 + 15 * 60_000),
    });
  });

  it('no page offers Explore to a user who may not use it (Grafana refuses /explore without datasources:explore)', () => {
    const permissions = config.bootData.user.permissions;
    config.bootData.user.permissions = {};
    try {
      const now = dateTime();
      const range: TimeRange = { from: now.subtract(1, 'h'), to: now, raw: { from: 'now-1h', to: 'now' } };
      const span = { traceId: TRACE, spanId: '00f067aa0ba902b7', startMs: now.valueOf(), durationMs: 1 } as FlowSpan;
      expect(spanExploreHref(span, settings, range)).toBeUndefined();
      expect(queryPreviews({}, settings, range, currentExploreContext(), 20).map((p) => p.exploreHref)).toEqual([
        undefined,
        undefined,
      ]);
      render(
        <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
          <LogList
            rows={[{ id: 'l1', timeMs: now.valueOf(), level: 'info', message: 'm', labels: {}, traceId: TRACE }]}
          />
        </MemoryRouter>
      );
      expect(screen.getByTestId('log-message')).toBeInTheDocument();
      expect(screen.queryByTestId('log-explore-link')).toBeNull();
    } finally {
      config.bootData.user.permissions = permissions;
    }
  });

  it('a log line’s Explore link is in the user’s organisation', () => {
    render(
      <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <LogList
          rows={[{ id: 'l1', timeMs: Date.UTC(2026, 10, 26), level: 'info', message: 'm', labels: {}, traceId: TRACE }]}
        />
      </MemoryRouter>
    );
    expect(readLink(screen.getByTestId('log-explore-link').getAttribute('href')!).orgId).toBe('7');
  });
});
