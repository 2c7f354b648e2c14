// What a journey needs from where the app runs: the sandbox (tests/browser/sandbox.ts) or a real Grafana
// (tests/grafana/grafana.ts). The app's paths are the same in both: Grafana serves an app plugin at /a/<id>/… and its
// configuration at /plugins/<id>.
import type { Page } from '@playwright/test';

export const PLUGIN_ID = 'tasker-observability-app';
export const APP = `/a/${PLUGIN_ID}`;
export const CONFIG = `/plugins/${PLUGIN_ID}`;

/** A task the host knows exists now, with both ids. */
export interface KnownTask {
  correlationId: string;
  taskUuid: string;
  namespace: string;
  /** Known in the sandbox only (Grafana's list shows what Tempo returned, not the task's whole size). */
  spanCount?: number;
}

export interface AppHost {
  readonly name: 'sandbox' | 'grafana';
  /** Opens a path of the app ("/a/…", "/plugins/…") and waits until the app has mounted there. */
  open(page: Page, path: string): Promise<void>;
  /**
   * A finished task that has a correlation_id, a task_uuid and logs, in the guide's telemetry shape where the host
   * can choose. Waits for one when there is none yet (a real stack may have just started), then fails.
   */
  task(page: Page): Promise<KnownTask>;
}
