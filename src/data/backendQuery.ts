import type { DataQuery } from '@grafana/schema';
import {
  dataFrameFromJSON,
  FieldType,
  type DataFrame,
  type DataFrameJSON,
  type DataQueryResponse,
  type DataSourceApi,
  type TimeRange,
} from '@grafana/data';
import { getBackendSrv, toDataQueryResponse, type BackendDataSourceResponse, type FetchResponse } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

function isFrameJSON(v: unknown): v is DataFrameJSON {
  return typeof v === 'object' && v !== null && 'schema' in v && 'data' in v;
}

/**
 * Grafana's Tempo backend cannot nest frames, so a search's span sets arrive as JSON frames in the `nested` column;
 * its frontend turns them into frames (datasource.ts `handleTraceQlQuery`), and so does this.
 */
export function unnestJsonFrames(frame: DataFrame): DataFrame {
  for (const field of frame.fields) {
    const values = field.values as unknown[];
    if (!values.some((row) => Array.isArray(row) && row.some(isFrameJSON))) {
      continue;
    }
    field.values = values.map((row) =>
      Array.isArray(row) ? row.map((f: unknown) => (isFrameJSON(f) ? dataFrameFromJSON(f) : f)) : row
    );
    field.type = FieldType.nestedFrames;
  }
  return frame;
}

/**
 * Runs targets through Grafana's query API (`POST /api/ds/query`), the datasource's backend without its frontend:
 * one HTTP answer, never a Grafana Live stream. Failures come back as a response error, as `ds.query()` gives them.
 */
export async function queryBackend<Q extends DataQuery>(
  ds: DataSourceApi,
  targets: Q[],
  range: TimeRange,
  requestId: string
): Promise<DataQueryResponse> {
  const queries = targets.map((t) => ({ ...t, datasource: { uid: ds.uid, type: ds.type } }));
  let response: DataQueryResponse;
  try {
    const res = await lastValueFrom(
      getBackendSrv().fetch<BackendDataSourceResponse>({
        url: '/api/ds/query',
        method: 'POST',
        data: { queries, from: String(range.from.valueOf()), to: String(range.to.valueOf()) },
        requestId,
        showErrorAlert: false,
      })
    );
    response = toDataQueryResponse(res as FetchResponse<BackendDataSourceResponse>, queries);
  } catch (e) {
    // An HTTP failure still carries the per-query results (and their errors) when Grafana's backend answered.
    const data = (e as { data?: unknown } | null)?.data;
    if (typeof data === 'object' && data !== null && 'results' in data) {
      response = toDataQueryResponse({ data: data as BackendDataSourceResponse }, queries);
    } else {
      throw e;
    }
  }
  return { ...response, data: response.data.map((f: DataFrame) => unnestJsonFrames(f)) };
}
