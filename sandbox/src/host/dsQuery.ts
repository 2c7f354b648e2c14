import { dataFrameToJSON, FieldType, type DataFrame, type DataFrameJSON } from '@grafana/data';
import type { TelemetryStore } from '../data/store';
import type { SandboxControl } from '../datasources/control';
import { QuerySyntaxError } from '../datasources/syntax';
import { runTempoTarget, type TempoTarget } from '../datasources/tempo';

interface DsQueryBody {
  queries?: Array<TempoTarget & { datasource?: { uid?: string; type?: string } }>;
  from?: string;
  to?: string;
}

/** One query's answer as Grafana's backend writes it: frames as JSON, or an error in words (no status). */
interface DsQueryResult {
  frames?: DataFrameJSON[];
  error?: string;
  errorSource?: string;
}

/**
 * The Go backend cannot nest frames: a search's span sets travel as JSON frames in an `other` column, which the
 * Tempo frontend (or the app) turns back into frames (datasource.ts `handleTraceQlQuery`).
 */
function toJSON(frame: DataFrame): DataFrameJSON {
  const flat: DataFrame = {
    ...frame,
    fields: frame.fields.map((f) =>
      f.type === FieldType.nestedFrames
        ? {
            ...f,
            type: FieldType.other,
            values: f.values.map((row: DataFrame[]) => row.map((n) => dataFrameToJSON(n))),
          }
        : f
    ),
  };
  return dataFrameToJSON(flat);
}

/**
 * `POST /api/ds/query` for the Tempo stand-in: Grafana's Tempo backend (pkg/tempo/tempo.go QueryData) without its
 * frontend, so searches never stream and a trace lookup reads the range it is given. Failures are per query:
 * `results.<refId>.error` with an error source and no status; Grafana answers the request with HTTP 400 then.
 */
export function runDsQuery(
  store: TelemetryStore,
  control: SandboxControl,
  body: unknown
): { status: number; results: Record<string, DsQueryResult> } {
  const { queries = [], from, to } = (body ?? {}) as DsQueryBody;
  const fromMs = Number(from);
  const toMs = Number(to);
  const results: Record<string, DsQueryResult> = {};
  let failed = false;
  for (const q of queries) {
    const refId = q.refId ?? 'A';
    if (q.datasource?.type !== 'tempo') {
      results[refId] = { error: `the sandbox serves /api/ds/query for Tempo only`, errorSource: 'plugin' };
      failed = true;
      continue;
    }
    if (control.mode === 'fail') {
      results[refId] = { error: control.failure('tempo').data.message, errorSource: 'downstream' };
      failed = true;
      continue;
    }
    try {
      const res = runTempoTarget(store, q, fromMs, toMs, control.mode === 'empty');
      if (res.error) {
        results[refId] = { error: res.error.message, errorSource: 'downstream' };
        failed = true;
      } else {
        results[refId] = { frames: res.data.map((f) => toJSON(f as DataFrame)) };
      }
    } catch (e) {
      if (!(e instanceof QuerySyntaxError)) {
        throw e;
      }
      // pkg/tempo/search.go keeps only Tempo's status line.
      results[refId] = { error: 'failed to execute search query status: 400 Bad Request', errorSource: 'downstream' };
      failed = true;
    }
  }
  return { status: failed ? 400 : 200, results };
}
