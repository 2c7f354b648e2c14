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
  /** Set when a saved query setting was invalid and the defaults were used instead: show it to the user. */
  problem?: string;
}
