// Runs before the host bundle: @grafana/runtime builds `config` from window.grafanaBootData when it loads.
import { parseOrgId, parseOrgRole, ROLE_STORAGE_KEY, userForRole } from './roles';

const params = new URLSearchParams(window.location.search);
const asked = params.get('theme');
if (asked === 'light' || asked === 'dark') {
  window.localStorage.setItem('sandbox.theme', asked);
}
const theme = window.localStorage.getItem('sandbox.theme') === 'light' ? 'light' : 'dark';

// ?role=viewer|editor|admin, kept like the theme; Admin unless asked. ?org=<id> for a user of another org.
const askedRole = parseOrgRole(params.get('role'));
if (askedRole) {
  window.localStorage.setItem(ROLE_STORAGE_KEY, askedRole);
}
const user = userForRole(parseOrgRole(window.localStorage.getItem(ROLE_STORAGE_KEY)) ?? 'Admin');
const orgId = parseOrgId(params.get('org'));

// ?streaming=on|blocked: the Tempo datasource streams searches over Grafana Live (as the provisioned one does), with
// Live up (on) or with its websocket blocked by a proxy (blocked). Off unless asked. See sandbox/src/host/live.ts.
const streaming = params.get('streaming');
const tempoJsonData =
  streaming === 'on' || streaming === 'blocked' ? { streamingEnabled: { search: true, metrics: true } } : {};

const ICONS = '/sandbox/public/build/img/icons';
const LOGOS: Record<string, string> = {
  tempo: `${ICONS}/custom/gf-traces.svg`,
  loki: `${ICONS}/custom/gf-logs.svg`,
  prometheus: `${ICONS}/unicons/chart-line.svg`,
};

const ds = (uid: string, type: string, name: string, id: number, jsonData: Record<string, unknown> = {}) => ({
  id,
  uid,
  type,
  name,
  access: 'proxy',
  url: `/api/datasources/proxy/uid/${uid}`,
  isDefault: type === 'prometheus',
  jsonData,
  readOnly: true,
  meta: {
    id: type,
    type: 'datasource',
    name,
    module: `core:plugin/${type}`,
    baseUrl: `public/app/plugins/datasource/${type}`,
    info: {
      // Grafana serves each datasource's logo; the sandbox has none, so it uses @grafana/ui's own icons.
      logos: { small: LOGOS[type], large: LOGOS[type] },
      author: { name: 'Grafana Labs' },
      version: '',
    },
    tracing: type === 'tempo',
    logs: type === 'loki',
    metrics: type === 'prometheus',
  },
});

// GlobalStyles loads Inter/Roboto Mono from `${__grafana_public_path__}fonts/`; the sandbox ships no fonts, so the
// browser falls back to system fonts (the server answers 404 there).
(window as unknown as { __grafana_public_path__: string }).__grafana_public_path__ = '/sandbox/public/';

(window as unknown as { grafanaBootData: unknown }).grafanaBootData = {
  assets: { dark: '', light: '' },
  navTree: [],
  settings: {
    appUrl: `${window.location.origin}/`,
    appSubUrl: '',
    buildInfo: {
      version: '13.1.1',
      commit: 'sandbox',
      env: 'production',
      edition: 'Open Source',
      latestVersion: '',
      hasUpdate: false,
      hideVersion: false,
    },
    datasources: {
      Tempo: ds('tempo', 'tempo', 'Tempo', 1, tempoJsonData),
      Loki: ds('loki', 'loki', 'Loki', 2),
      Prometheus: ds('prometheus', 'prometheus', 'Prometheus', 3),
    },
    defaultDatasource: 'Prometheus',
    featureToggles: {},
    panels: {},
    apps: {},
  },
  user: {
    id: 1,
    uid: 'admin',
    login: 'admin',
    email: 'admin@localhost',
    name: `${user.orgRole} (sandbox)`,
    orgId,
    orgName: orgId === 1 ? 'Main Org.' : `Org ${orgId}`,
    orgRole: user.orgRole,
    isGrafanaAdmin: user.isGrafanaAdmin,
    isSignedIn: true,
    theme,
    timezone: 'browser',
    locale: 'en-US',
    language: 'en-US',
    permissions: user.permissions,
  },
};
