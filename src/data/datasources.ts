import type { DataSourceApi } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import type { ResolvedSettings } from '../settings/types';
import { DataError, datasourceGone, notConfigured, toDataError } from './errors';

export type TaskerDatasourceKind = 'tempo' | 'loki' | 'prometheus';

const LABELS: Record<TaskerDatasourceKind, string> = { tempo: 'Tempo', loki: 'Loki', prometheus: 'Prometheus' };

export function datasourceLabel(kind: TaskerDatasourceKind): string {
  return LABELS[kind];
}

export function datasourceUid(kind: TaskerDatasourceKind, settings: ResolvedSettings): string {
  switch (kind) {
    case 'tempo':
      return settings.tempoUid;
    case 'loki':
      return settings.lokiUid;
    case 'prometheus':
      return settings.prometheusUid;
  }
}

/** The datasource the settings name for `kind`, through Grafana's datasource service (auth, TLS, permissions). */
export async function getTaskerDatasource(
  kind: TaskerDatasourceKind,
  settings: ResolvedSettings
): Promise<DataSourceApi> {
  const uid = datasourceUid(kind, settings);
  if (!uid) {
    throw notConfigured(LABELS[kind]);
  }
  let ds: DataSourceApi | undefined;
  try {
    ds = await getDataSourceSrv().get({ uid });
  } catch (e) {
    const mapped = toDataError(e, { action: `Loading the ${LABELS[kind]} datasource`, datasource: uid });
    // Grafana rejects with a plain "Datasource ... was not found" error when the uid is unknown.
    throw mapped.kind === 'unknown' || mapped.kind === 'not_found' ? datasourceGone(uid) : mapped;
  }
  if (!ds) {
    throw datasourceGone(uid);
  }
  const type = ds.type ?? ds.meta?.id;
  if (type && type !== kind) {
    throw new DataError(
      'not_configured',
      `The datasource "${ds.name ?? uid}" is a ${type} datasource, not ${LABELS[kind]}`,
      `Choose a ${LABELS[kind]} datasource on the app configuration page.`
    );
  }
  return ds;
}
