import type { QuerySettings } from '../query/types';
import type { PhaseRule } from '../flow/types';

/** The app's jsonData, as saved by the configuration page and provisioned in provisioning/plugins/. */
export interface AppJsonData {
  tempoDatasourceUid?: string;
  lokiDatasourceUid?: string;
  prometheusDatasourceUid?: string;
  /** Overrides of the query defaults (attribute keys and scopes, log mode, stream labels). */
  query?: Partial<QuerySettings>;
  /** Replaces the default phase rules when set. */
  phaseRules?: PhaseRule[];
  /** Tasks listed per search. */
  searchLimit?: number;
  /** Traces fetched per task at most. */
  maxTracesPerTask?: number;
  /** Trace-by-id requests in flight at once while a task opens (the browser runs 6 per host over HTTP/1.1). */
  traceConcurrency?: number;
  /** Days of history a task is compared with on its flow page ("is this task slow?"). */
  historyLookbackDays?: number;
  /**
   * Set by the provisioning file (provisioning/plugins/tasker-app.yaml). Grafana does not tell an app that its
   * settings are provisioned, yet rewrites them from the file at every start, so the file says so itself.
   */
  provisioned?: boolean;
}

/** UIDs of the datasources that provisioning/ and grafana/otel-lgtm create. */
export const DEFAULT_DATASOURCE_UIDS = { tempo: 'tempo', loki: 'loki', prometheus: 'prometheus' } as const;

/** jsonData merged over the defaults: what the pages and the data layer read. */
export interface ResolvedSettings {
  tempoUid: string;
  lokiUid: string;
  prometheusUid: string;
  query: QuerySettings;
  phaseRules: PhaseRule[];
  searchLimit: number;
  maxTracesPerTask: number;
  traceConcurrency: number;
  historyLookbackDays: number;
  /** Set when a saved query setting was invalid and the defaults were used instead: show it to the user. */
  problem?: string;
}
