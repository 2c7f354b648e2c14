import type { DataQuery } from '@grafana/schema';

/** A Tempo query as Grafana's Tempo datasource reads it. */
export interface TempoTarget extends DataQuery {
  queryType: 'traceql';
  query: string;
  /** Traces per search. */
  limit?: number;
  /** Spans per span set. */
  spss?: number;
  tableType?: 'traces' | 'spans';
}

export interface LokiTarget extends DataQuery {
  expr: string;
  queryType: 'range' | 'instant';
  maxLines?: number;
  direction?: 'backward' | 'forward';
}

export interface PrometheusTarget extends DataQuery {
  expr: string;
  instant?: boolean;
  range?: boolean;
}

export function tempoSearchTarget(query: string, limit: number, spss: number): TempoTarget {
  return { refId: 'A', queryType: 'traceql', query, limit, spss, tableType: 'traces' };
}

export function tempoTraceTarget(traceId: string): TempoTarget {
  return { refId: 'A', queryType: 'traceql', query: traceId };
}
