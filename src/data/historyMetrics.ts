// A namespace's usual step execution times from Tempo's TraceQL metrics (instant queries over the look-back).
import type { DataFrame, Field, TimeRange } from '@grafana/data';
import type { SourcedDistribution } from '../history/types';
import {
  buildStepHistoryCountTraceQL,
  buildStepHistoryQuantilesTraceQL,
  type StepHistoryQuery,
} from '../query/traceqlMetrics';
import type { ResolvedSettings } from '../settings/types';
import { getTaskerDatasource } from './datasources';
import { buildOrThrow } from './invalidQuery';
import { runQuery } from './runQuery';
import type { TempoTarget } from './targets';

/** A TraceQL metrics query as Grafana 13.1's Tempo datasource reads it: `metricsQueryType` picks /api/metrics/query. */
export interface TempoMetricsTarget extends TempoTarget {
  metricsQueryType: 'instant' | 'range';
}

export function tempoInstantMetricsTarget(query: string): TempoMetricsTarget {
  return { refId: 'A', queryType: 'traceql', query, metricsQueryType: 'instant' };
}

/**
 * Tempo's series labels as Grafana's Tempo datasource turns them into field labels: string values in double quotes
 * (`"linear_step_1"`, written with Go's %s, nothing escaped), numbers as they are (`p` = `0.5`).
 */
export function labelText(raw: string | undefined): string | undefined {
  if (raw === undefined) {
    return undefined;
  }
  return raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
}

interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** One sample per series frame: its labels and its last finite value (an instant query has one row). */
export function metricSamples(frames: DataFrame[]): Sample[] {
  const out: Sample[] = [];
  for (const frame of frames ?? []) {
    const field = frame?.fields?.find((f: Field) => f.type === 'number' && f.labels);
    if (!field) {
      continue;
    }
    const values = Array.from(field.values as ArrayLike<unknown>);
    for (let i = values.length - 1; i >= 0; i--) {
      const v = Number(values[i]);
      if (Number.isFinite(v)) {
        out.push({ labels: { ...field.labels }, value: v });
        break;
      }
    }
  }
  return out;
}

/** The label that holds the step name: the one that is not the quantile (`p`) nor the status. */
function stepLabel(labels: Record<string, string>): string | undefined {
  const key = Object.keys(labels).find((k) => k !== 'p' && k !== 'status');
  return key === undefined ? undefined : labelText(labels[key]);
}

const isErrorStatus = (raw: string | undefined) => {
  const s = labelText(raw);
  return s === 'error' || s === '2' || s === 'STATUS_CODE_ERROR';
};

/** Quantile and count frames → p50/p95 (ms) and run counts per step name. Steps missing from either are left out. */
export function stepHistoryFromFrames(
  quantileFrames: DataFrame[],
  countFrames: DataFrame[]
): Map<string, SourcedDistribution> {
  const quantiles = new Map<string, { p50?: number; p95?: number }>();
  for (const s of metricSamples(quantileFrames)) {
    const name = stepLabel(s.labels);
    const p = Number(labelText(s.labels.p));
    if (name === undefined || !Number.isFinite(p)) {
      continue;
    }
    const q = quantiles.get(name) ?? {};
    // Tempo answers durations in seconds.
    if (p === 0.5) {
      q.p50 = s.value * 1000;
    } else if (p === 0.95) {
      q.p95 = s.value * 1000;
    }
    quantiles.set(name, q);
  }
  const counts = new Map<string, { ok: number; failed: number }>();
  for (const s of metricSamples(countFrames)) {
    const name = stepLabel(s.labels);
    if (name === undefined) {
      continue;
    }
    const c = counts.get(name) ?? { ok: 0, failed: 0 };
    if (isErrorStatus(s.labels.status)) {
      c.failed += s.value;
    } else {
      c.ok += s.value;
    }
    counts.set(name, c);
  }
  const out = new Map<string, SourcedDistribution>();
  for (const [name, q] of quantiles) {
    const c = counts.get(name);
    if (q.p50 !== undefined && q.p95 !== undefined && c && c.ok > 0) {
      out.set(name, {
        p50: q.p50,
        p95: q.p95,
        runs: Math.round(c.ok),
        failedRuns: Math.round(c.failed),
        source: 'metrics',
      });
    }
  }
  return out;
}

/** Usual execution time per step name in the namespace. Rejects when Tempo does not serve TraceQL metrics. */
export async function fetchStepHistoryMetrics(
  q: StepHistoryQuery,
  range: TimeRange,
  settings: ResolvedSettings,
  options: { signal?: AbortSignal; timeoutMs?: number } = {}
): Promise<Map<string, SourcedDistribution>> {
  const quantileQuery = buildOrThrow(
    () => buildStepHistoryQuantilesTraceQL(q, settings.query),
    'TraceQL metrics query'
  );
  const countQuery = buildOrThrow(() => buildStepHistoryCountTraceQL(q, settings.query), 'TraceQL metrics query');
  const ds = await getTaskerDatasource('tempo', settings);
  const run = (query: string) =>
    runQuery(ds, [tempoInstantMetricsTarget(query)], range, { ...options, action: 'Tempo metrics query' });
  // One target per request: Grafana's Tempo backend names instant-query frames after their series, not the refId.
  const [quantileFrames, countFrames] = await Promise.all([run(quantileQuery), run(countQuery)]);
  return stepHistoryFromFrames(quantileFrames, countFrames);
}
