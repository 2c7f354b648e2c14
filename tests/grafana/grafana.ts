// Shared by the real-Grafana specs.
import { test } from '@grafana/plugin-e2e';

export const PLUGIN_ID = 'tasker-observability-app';

/** Call at the top of each spec file: skips (never passes) every test when the global setup found no Grafana. */
export function skipWithoutGrafana(): void {
  const reason = process.env.GRAFANA_UNAVAILABLE;
  test.skip(!!reason, reason ?? '');
}
