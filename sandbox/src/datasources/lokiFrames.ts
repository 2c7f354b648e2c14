import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';
import type { LogEntry } from './logql';

/** Loki's dataplane log frame as Grafana's Loki datasource returns it. */
export function logsFrame(entries: LogEntry[], refId: string): DataFrame {
  return createDataFrame({
    refId,
    meta: { type: 'log-lines' as never, typeVersion: [0, 0], custom: { frameType: 'LabeledTimeValues' } },
    fields: [
      {
        name: 'labelTypes',
        type: FieldType.other,
        values: entries.map((e) => e.types),
        config: { custom: { hidden: true } },
      },
      { name: 'labels', type: FieldType.other, values: entries.map((e) => e.labels), config: {} },
      { name: 'Time', type: FieldType.time, values: entries.map((e) => e.log.timeMs), config: {} },
      { name: 'Line', type: FieldType.string, values: entries.map((e) => e.line), config: {} },
      {
        name: 'tsNs',
        type: FieldType.string,
        values: entries.map((e) => `${Math.round(e.log.timeMs)}000000`),
        config: {},
      },
      {
        name: 'id',
        type: FieldType.string,
        values: entries.map((e, i) => `${Math.round(e.log.timeMs)}_${i}_${e.log.metadata.span_id ?? ''}`),
        config: {},
      },
    ],
  });
}

/** A metric query's answer: one series of counts. */
export function countFrame(refId: string, times: number[], values: number[]): DataFrame {
  return createDataFrame({
    refId,
    meta: { type: 'timeseries-multi' as never, typeVersion: [0, 1] },
    fields: [
      { name: 'Time', type: FieldType.time, values: times, config: {} },
      { name: 'Value', type: FieldType.number, values, config: {} },
    ],
  });
}
