// Jest setup provided by Grafana scaffolding
import './.config/jest-setup';

// What @grafana/runtime's config falls back to without boot data, plus what Grafana's boot data always says of the
// signed-in user and the app's Explore links read: the organisation, and whether Explore is theirs (an Editor's).
if (typeof window !== 'undefined' && !window.grafanaBootData) {
  window.grafanaBootData = {
    assets: { dark: '', light: '' },
    settings: {},
    user: { orgId: 1, permissions: { 'datasources:explore': true } },
    navTree: [],
  };
}
