// Runs before the host bundle: @grafana/runtime builds `config` from window.grafanaBootData when it loads.
export {};

const params = new URLSearchParams(window.location.search);
const asked = params.get('theme');
if (asked === 'light' || asked === 'dark') {
  window.localStorage.setItem('sandbox.theme', asked);
}
const theme = window.localStorage.getItem('sandbox.theme') === 'light' ? 'light' : 'dark';

const ICONS = '/sandbox/public/build/img/icons';
const LOGOS: Record<string, string> = {
  tempo: `${ICONS}/custom/gf-traces.svg`,
  loki: `${ICONS}/custom/gf-logs.svg`,
  prometheus: `${ICONS}/unicons/chart-line.svg`,
};

const ds = (uid: string, type: string, name: string, id: number) => ({
  id,
  uid,
  type,
  name,
  access: 'proxy',
  url: `/api/datasources/proxy/uid/${uid}`,
  isDefault: type === 'prometheus',
  jsonData: {},
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
      Tempo: ds('tempo', 'tempo', 'Tempo', 1),
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
    name: 'Admin (sandbox)',
    orgId: 1,
    orgName: 'Main Org.',
    orgRole: 'Admin',
    isGrafanaAdmin: true,
    isSignedIn: true,
    theme,
    timezone: 'browser',
    locale: 'en-US',
    language: 'en-US',
    permissions: { 'datasources:explore': true },
  },
};
