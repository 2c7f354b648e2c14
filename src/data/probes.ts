import { dateTime, type TimeRange } from '@grafana/data';
import { buildLogQL, buildTraceQL } from '../query';
import type { ResolvedSettings } from '../settings/types';
import { datasourceLabel, getTaskerDatasource, type TaskerDatasourceKind } from './datasources';
import { toDataError } from './errors';
import { rowCount } from './frames';
import { parseLogFrames } from './logFrames';
import { runQuery } from './runQuery';
import { parseSearchFrames } from './searchFrames';
import { tempoSearchTarget, type LokiTarget, type PrometheusTarget } from './targets';

export interface ProbeResult {
  kind: TaskerDatasourceKind;
  /** The datasource answered the probe query. */
  answered: boolean;
  /** Tasker data exists in the last hour (undefined when the probe cannot tell, e.g. Prometheus). */
  found?: boolean;
  /** Plain words for the settings page. */
  message: string;
}

export const PROBE_TIMEOUT_MS = 20_000;

function lastHour(): TimeRange {
  const to = dateTime();
  const from = dateTime(to.valueOf() - 3_600_000);
  return { from, to, raw: { from: 'now-1h', to: 'now' } };
}

async function probeTempo(settings: ResolvedSettings, signal?: AbortSignal): Promise<ProbeResult> {
  const ds = await getTaskerDatasource('tempo', settings);
  const query = buildTraceQL({}, settings.query);
  const frames = await runQuery(ds, [tempoSearchTarget(query, 1, 1)], lastHour(), {
    signal,
    timeoutMs: PROBE_TIMEOUT_MS,
    action: 'Tempo probe',
  });
  const found = parseSearchFrames(frames, settings.query).traces.length > 0;
  return {
    kind: 'tempo',
    answered: true,
    found,
    message: found
      ? `Tempo (${ds.name}) answered and has Tasker spans from the last hour.`
      : `Tempo (${ds.name}) answered, but has no Tasker spans in the last hour. Check that Tasker exports traces (TELEMETRY_ENABLED=true) and that the service name setting matches.`,
  };
}

async function probeLoki(settings: ResolvedSettings, signal?: AbortSignal): Promise<ProbeResult> {
  const ds = await getTaskerDatasource('loki', settings);
  const expr = buildLogQL({}, settings.query);
  const target: LokiTarget = { refId: 'A', expr, queryType: 'range', maxLines: 1, direction: 'backward' };
  const frames = await runQuery(ds, [target], lastHour(), {
    signal,
    timeoutMs: PROBE_TIMEOUT_MS,
    action: 'Loki probe',
  });
  const found = parseLogFrames(frames, settings.query).length > 0;
  return {
    kind: 'loki',
    answered: true,
    found,
    message: found
      ? `Loki (${ds.name}) answered and has Tasker logs from the last hour.`
      : `Loki (${ds.name}) answered, but has no Tasker logs in the last hour. Check that Tasker sends logs (OTEL_LOGS_ENABLED=true) and the stream label setting.`,
  };
}

async function probePrometheus(settings: ResolvedSettings, signal?: AbortSignal): Promise<ProbeResult> {
  const ds = await getTaskerDatasource('prometheus', settings);
  // A constant PromQL query: it only checks that the datasource answers.
  const target: PrometheusTarget = { refId: 'A', expr: 'up', instant: true, range: false };
  const frames = await runQuery(ds, [target], lastHour(), {
    signal,
    timeoutMs: PROBE_TIMEOUT_MS,
    action: 'Prometheus probe',
  });
  const series = frames.filter((f) => rowCount(f) > 0).length;
  return {
    kind: 'prometheus',
    answered: true,
    message: `Prometheus (${ds.name}) answered (${series} series for "up").`,
  };
}

const PROBES: Record<TaskerDatasourceKind, (s: ResolvedSettings, signal?: AbortSignal) => Promise<ProbeResult>> = {
  tempo: probeTempo,
  loki: probeLoki,
  prometheus: probePrometheus,
};

/** One probe query per datasource; failures become results that say what went wrong, never exceptions. */
export async function probeDatasources(settings: ResolvedSettings, signal?: AbortSignal): Promise<ProbeResult[]> {
  const kinds: TaskerDatasourceKind[] = ['tempo', 'loki', 'prometheus'];
  return Promise.all(
    kinds.map((kind) =>
      PROBES[kind](settings, signal).catch((e: unknown): ProbeResult => {
        const err = toDataError(e, { action: `${datasourceLabel(kind)} probe` });
        return { kind, answered: false, message: `${err.title}. ${err.hint}` };
      })
    )
  );
}
