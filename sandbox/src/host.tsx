import React, { useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  createTheme,
  PluginContextProvider,
  type AppPlugin,
  type AppPluginMeta,
  type GrafanaTheme2,
  PluginType,
  ThemeContext,
} from '@grafana/data';
import { config, locationService, setBackendSrv, setDataSourceSrv, setGrafanaLiveSrv } from '@grafana/runtime';
import { Alert, GlobalStyles, LoadingPlaceholder, PortalContainer } from '@grafana/ui';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import type { AppJsonData } from '../../src/settings/types';
import { TelemetryStore } from './data/store';
import { HOSTILE, HOSTILE_CORRELATION_ID, HOSTILE_TASK_UUID } from './data/hostile';
import { largeCorrelationId } from './data/large';
import { DATASOURCE_MODES, SandboxControl, sequentialRounds, type DatasourceMode } from './datasources/control';
import { createLokiStandIn } from './datasources/loki';
import { createPrometheusStandIn } from './datasources/prometheus';
import { createTempoStandIn } from './datasources/tempo';
import { loadAmdModule } from './host/amd';
import { createBackendSrv, PLUGIN_ID, readPluginSettings } from './host/backendSrv';
import { createDataSourceSrv } from './host/dataSourceSrv';
import { createLiveStandIn } from './host/live';
import { addLargeTask, loadDemoData } from './host/demo';
import { ExplorePage } from './host/ExplorePage';
import { LocationServiceRouter } from './host/router';
import { SHARED_MODULES } from './host/shared';
import { TopBar } from './host/TopBar';
import { AccessDenied } from './host/AccessDenied';
import { activeNavNode, appNavNode, type AppNavMeta } from './host/appNav';
import { HostPluginPage, installHostPluginPage, SectionNavContext } from './host/HostPluginPage';
import { appPageAccess, pluginConfigAccess } from './host/pageAccess';
import { parseOrgRole, userForRole, ROLE_STORAGE_KEY, type OrgRole, type SandboxUser } from './host/roles';

const PLUGIN_BASE = `/public/plugins/${PLUGIN_ID}/`;

const store = new TelemetryStore();
const control = new SandboxControl();
const askedMode = new URLSearchParams(window.location.search).get('ds');
const modeAlias: Record<string, DatasourceMode> = {
  fail: 'fail',
  failing: 'fail',
  slow: 'slow',
  empty: 'empty',
  normal: 'normal',
};
if (askedMode && modeAlias[askedMode]) {
  control.setMode(modeAlias[askedMode]);
}

setBackendSrv(createBackendSrv(store, control));
setGrafanaLiveSrv(createLiveStandIn(window.location.search));
installHostPluginPage();
setDataSourceSrv(
  createDataSourceSrv([
    createTempoStandIn(store, control, 'tempo'),
    createLokiStandIn(store, control, 'loki'),
    createPrometheusStandIn(store, control, 'prometheus'),
  ])
);

/** What tests and the bench drive: see sandbox/README.md. */
const sandboxApi = {
  ready: false,
  error: '' as string,
  dataSource: '',
  control,
  store,
  modes: DATASOURCE_MODES,
  setMode: (m: DatasourceMode) => control.setMode(m),
  get mode() {
    return control.mode;
  },
  /** Requests the stand-ins received, oldest first. */
  requests: (target?: string) => control.requests.filter((r) => !target || r.target === target),
  clearRequests: () => {
    control.requests.length = 0;
  },
  tasks: () => store.tasks.map((t) => ({ ...t })),
  hostile: { correlationId: HOSTILE_CORRELATION_ID, taskUuid: HOSTILE_TASK_UUID, strings: HOSTILE },
  largeCorrelationId,
  /** Adds an N-span task-shaped trace (built on first query); returns its ids. */
  loadLargeTask: (spanCount: number) => ({ ...addLargeTask(store, spanCount, Date.now() - 30 * 60 * 1000) }),
  /** Builds lazily registered tasks now, so a measurement does not include generating them. */
  prepare: () => {
    store.allTraces();
    return store.spanCount;
  },
  /** Client-side navigation (no reload: the store and the plugin stay loaded). */
  navigate: (path: string) => locationService.push(path),
  /** performance.now() when the last trace-by-id frame was handed to the app. */
  lastTraceFrameAt: () => control.lastTraceFrameAt,
  /** Latency of each query (ms): a request's queries run one after another, requests share 6 connections. */
  setLatency: (ms: number) => {
    control.latencyMs = ms;
  },
  /** Sequential round trips in the request log (of one target, or all): see sequentialRounds. */
  roundTrips: (target?: string) => sequentialRounds(control.requests.filter((r) => !target || r.target === target)),
};
(window as unknown as { __sandbox: typeof sandboxApi }).__sandbox = sandboxApi;

async function loadPlugin(): Promise<{ plugin: AppPlugin<AppJsonData>; meta: AppPluginMeta<AppJsonData> }> {
  const [mod, pluginJson] = await Promise.all([
    loadAmdModule(`${PLUGIN_BASE}module.js`, SHARED_MODULES),
    fetch(`${PLUGIN_BASE}plugin.json`).then((r) =>
      r.ok ? r.json() : Promise.reject(new Error(`plugin.json: HTTP ${r.status}`))
    ),
  ]);
  const plugin = mod.plugin as AppPlugin<AppJsonData> | undefined;
  if (!plugin || typeof plugin !== 'object' || !('root' in plugin)) {
    throw new Error('module.js does not export `plugin` (an AppPlugin)');
  }
  const settings = readPluginSettings();
  const meta: AppPluginMeta<AppJsonData> = {
    ...(pluginJson as object),
    id: PLUGIN_ID,
    name: (pluginJson as { name: string }).name,
    type: PluginType.app,
    module: `${PLUGIN_BASE}module.js`,
    baseUrl: PLUGIN_BASE.slice(1, -1),
    enabled: settings.enabled,
    pinned: settings.pinned,
    jsonData: settings.jsonData,
  } as AppPluginMeta<AppJsonData>;
  plugin.meta = meta;
  return { plugin, meta };
}

interface PageProps {
  plugin: AppPlugin<AppJsonData>;
  meta: AppPluginMeta<AppJsonData>;
  user: SandboxUser;
}

/** Grafana's AppRootPage: the include access check, then the app root with its nav in PluginPage's context. */
function AppPage({ plugin, meta, user }: PageProps) {
  const location = useLocation();
  const currentUrl = location.pathname + location.search;
  const sectionNav = useMemo(
    () => activeNavNode(appNavNode(meta as unknown as AppNavMeta, user), currentUrl),
    [meta, user, currentUrl]
  );
  const Root = plugin.root;
  if (!Root) {
    return <Alert title="The plugin has no root page" />;
  }
  const access = appPageAccess(meta.includes, location.pathname, user);
  if (!access.allowed) {
    return <AccessDenied reason={access.reason} />;
  }
  return (
    <PluginContextProvider meta={meta}>
      <SectionNavContext.Provider value={sectionNav}>
        <Root
          meta={meta}
          basename={`/a/${PLUGIN_ID}`}
          onNavChanged={() => undefined}
          query={Object.fromEntries(new URLSearchParams(location.search))}
          path={location.pathname}
        />
      </SectionNavContext.Provider>
    </PluginContextProvider>
  );
}

/** Grafana's plugin details page, Configuration tab: for org admins (CanAdminPlugins). */
function ConfigPage({ plugin, meta, user }: PageProps) {
  const location = useLocation();
  const page = plugin.configPages?.[0];
  if (!page) {
    return <Alert title="The plugin has no configuration page" />;
  }
  const access = pluginConfigAccess(user);
  if (!access.allowed) {
    return <AccessDenied reason={access.reason} />;
  }
  const Body = page.body;
  return (
    <PluginContextProvider meta={meta}>
      <HostPluginPage pageNav={{ text: `${meta.name}: ${page.title}` }}>
        <Body plugin={plugin} query={Object.fromEntries(new URLSearchParams(location.search))} />
      </HostPluginPage>
    </PluginContextProvider>
  );
}

/** The user boot.ts made from ?role= (or the role kept from last time). */
function bootUser(): SandboxUser {
  return userForRole(parseOrgRole(config.bootData.user.orgRole) ?? 'Admin');
}

function Host() {
  const [themeMode, setThemeMode] = useState<'light' | 'dark'>(config.theme2.isLight ? 'light' : 'dark');
  const [theme, setTheme] = useState<GrafanaTheme2>(config.theme2);
  const [loaded, setLoaded] = useState<{ plugin: AppPlugin<AppJsonData>; meta: AppPluginMeta<AppJsonData> }>();
  const [error, setError] = useState('');
  const [user, setUser] = useState<SandboxUser>(bootUser);

  useEffect(() => {
    loadDemoData(store, Date.now())
      .then((source) => {
        sandboxApi.dataSource = source;
        return loadPlugin();
      })
      .then((p) => {
        setLoaded(p);
        sandboxApi.ready = true;
      })
      .catch((e: unknown) => {
        const msg = e instanceof Error ? e.message : String(e);
        sandboxApi.error = msg;
        setError(msg);
        console.error(e);
      });
  }, []);

  const changeTheme = useCallback((mode: 'light' | 'dark') => {
    window.localStorage.setItem('sandbox.theme', mode);
    const next = createTheme({ colors: { mode } });
    config.theme2 = next;
    config.theme = next.v1;
    config.bootData.user.theme = mode;
    config.bootData.user.lightTheme = mode === 'light';
    setTheme(next);
    setThemeMode(mode);
  }, []);

  // As signing in again with another role would: the boot data changes, the pages re-check access.
  const changeRole = useCallback((role: OrgRole) => {
    window.localStorage.setItem(ROLE_STORAGE_KEY, role);
    const next = userForRole(role);
    Object.assign(config.bootData.user, next);
    setUser(next);
  }, []);

  const navOfApp = useMemo(
    () => (loaded ? appNavNode(loaded.meta as unknown as AppNavMeta, user) : undefined),
    [loaded, user]
  );

  return (
    <ThemeContext.Provider value={theme}>
      <GlobalStyles />
      <LocationServiceRouter>
        <TopBar
          control={control}
          themeMode={themeMode}
          onThemeChange={changeTheme}
          role={user.orgRole}
          onRoleChange={changeRole}
          appNav={navOfApp}
        />
        {error && (
          <Alert title="The sandbox could not start the app" severity="error" data-testid="sandbox-error">
            {error}
          </Alert>
        )}
        {!error && !loaded && <LoadingPlaceholder text="Loading the plugin…" />}
        {loaded && (
          <main data-testid="sandbox-main" style={{ padding: theme.spacing(2, 3) }}>
            <Routes>
              <Route path={`/a/${PLUGIN_ID}/*`} element={<AppPage {...loaded} user={user} />} />
              <Route path={`/plugins/${PLUGIN_ID}`} element={<ConfigPage {...loaded} user={user} />} />
              <Route path="/explore" element={<ExplorePage />} />
              <Route path="*" element={<Navigate to={`/a/${PLUGIN_ID}/tasks`} replace />} />
            </Routes>
          </main>
        )}
      </LocationServiceRouter>
      <PortalContainer />
    </ThemeContext.Provider>
  );
}

createRoot(document.getElementById('root')!).render(<Host />);
