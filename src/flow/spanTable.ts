import type { DataFrame } from '@grafana/data';

import { normalizeTraceId } from '../query/ids';
import { AnomalyLog } from './anomalyLog';
import { FrameStore, LAZY_SLOT, LAZY_SLOT_COUNT } from './frameStore';
import { FINALIZATION, INITIALIZATION } from './phaseCodes';
import { PhaseMatcher } from './phaseRules';
import { Column, columnValues, isErrorStatus, isTrueFlag, numberOf, textOf } from './values';
import { WORKER_STEP_KEY, workerStepUuid } from './workerStep';

export type ColumnName =
  | 'traceID'
  | 'spanID'
  | 'parentSpanID'
  | 'operationName'
  | 'serviceName'
  | 'serviceTags'
  | 'startTime'
  | 'duration'
  | 'tags'
  | 'logs'
  | 'kind'
  | 'statusCode'
  | 'statusMessage';

/** The columns of one trace frame, read once; rows are read from them lazily afterwards. */
export type FrameColumns = Partial<Record<ColumnName, Column>> & { length: number; traceId: string };

/** Counts of attribute values, to pick the task's identity (most frequent value wins). */
export class ValueCounts {
  private readonly counts = new Map<string, number>();
  // Neighbouring spans mostly repeat a value: count runs, touch the map only when the value changes.
  private last = '';
  private run = 0;
  add(value: string): void {
    if (value === this.last) {
      this.run++;
      return;
    }
    this.flush();
    this.last = value;
    this.run = 1;
  }
  private flush(): void {
    if (this.run > 0) {
      this.counts.set(this.last, (this.counts.get(this.last) ?? 0) + this.run);
      this.run = 0;
    }
  }
  mostFrequent(): string | undefined {
    this.flush();
    let best: string | undefined;
    let bestCount = 0;
    for (const [value, count] of this.counts) {
      if (count > bestCount) {
        best = value;
        bestCount = count;
      }
    }
    return best;
  }
}

/** Spans as flat columns, one entry per kept span (duplicates and spans past maxSpans are dropped). */
export interface SpanTable {
  count: number;
  totalRows: number;
  /** Span ids by index while building (afterwards read from the frames; see madeUpIds). */
  ids: string[];
  indexById: Map<string, number>;
  /** Ids the model made up for spans without one, by index. */
  madeUpIds: Map<number, string>;
  frameOf: Int32Array;
  rowOf: Int32Array;
  traceOf: Int32Array;
  /** Raw values; NaN where the input had no usable number. */
  start: Float64Array;
  duration: Float64Array;
  /** Phase code from the rules, -1 when no rule matched. */
  rulePhase: Int8Array;
  error: Uint8Array;
  /** Index into stepUuids of the span's own step attribute, -1 when it has none. */
  ownStep: Int32Array;
  stepUuids: string[];
  stepNames: Array<string | undefined>;
  /** Decoded columns of every frame: used while building, emptied afterwards. */
  columns: FrameColumns[];
  /** What the finished model keeps to read cells lazily. */
  store: FrameStore;
  traceIds: string[];
  taskUuids: ValueCounts;
  /** correlation_id on initialization/finalization spans: worker spans may carry fresh random ones. */
  anchoredCorrelationIds: ValueCounts;
  correlationIds: ValueCounts;
  namespaces: ValueCounts;
  taskNames: ValueCounts;
  /** Spans that were not kept because maxSpans was reached. */
  droppedForLimit: number;
}

export interface ReadOptions {
  matcher: PhaseMatcher;
  stepAttribute: string;
  maxSpans: number;
}

function emptyColumns(): FrameColumns {
  // Every key present from the start: one object shape for all frames keeps property access fast.
  return {
    length: 0,
    traceId: '',
    traceID: undefined,
    spanID: undefined,
    parentSpanID: undefined,
    operationName: undefined,
    serviceName: undefined,
    serviceTags: undefined,
    startTime: undefined,
    duration: undefined,
    tags: undefined,
    logs: undefined,
    kind: undefined,
    statusCode: undefined,
    statusMessage: undefined,
  };
}

/** Rows of a frame without a spanID column: its longest column. */
function longest(columns: FrameColumns): number {
  let length = 0;
  for (const column of [columns.traceID, columns.operationName, columns.startTime, columns.duration, columns.tags]) {
    length = Math.max(length, column?.length ?? 0);
  }
  return length;
}

/** Field index of each lazily read column in the frame being read (reused between frames). */
const scratchShape = new Int16Array(LAZY_SLOT_COUNT);
/** Whether every lazily read column of that frame is a plain array read in place. */
let scratchDirect = true;

/** Decodes a lazily read column and notes where it is (a module function: no closure per frame). */
function lazy(slot: number, k: number, field: unknown): Column | undefined {
  const values = columnValues(field);
  if (values && scratchShape[slot] === -1) {
    scratchShape[slot] = k;
    // Field indices are kept in 16 bits; a frame with more fields keeps its decoded columns.
    scratchDirect = scratchDirect && k < 32768 && values === (field as { values?: unknown }).values;
  }
  return values;
}

function readColumns(frame: unknown, frameIndex: number, store: FrameStore): FrameColumns | undefined {
  if (!frame || typeof frame !== 'object') {
    return undefined;
  }
  const fields: unknown = (frame as DataFrame).fields;
  if (!Array.isArray(fields)) {
    return undefined;
  }
  const columns = emptyColumns();
  scratchShape.fill(-1);
  scratchDirect = true;
  for (let k = 0; k < fields.length; k++) {
    const field: unknown = fields[k];
    const name: unknown = field && typeof field === 'object' ? (field as { name?: unknown }).name : undefined;
    // Named stores (not columns[name]) keep this per-frame loop monomorphic: it runs once per trace.
    switch (name) {
      case 'traceID':
        columns.traceID ??= columnValues(field);
        break;
      case 'spanID':
        columns.spanID ??= lazy(LAZY_SLOT.spanID, k, field);
        break;
      case 'parentSpanID':
        columns.parentSpanID ??= lazy(LAZY_SLOT.parentSpanID, k, field);
        break;
      case 'operationName':
        columns.operationName ??= lazy(LAZY_SLOT.operationName, k, field);
        break;
      case 'serviceName':
        columns.serviceName ??= lazy(LAZY_SLOT.serviceName, k, field);
        break;
      case 'serviceTags':
        columns.serviceTags ??= lazy(LAZY_SLOT.serviceTags, k, field);
        break;
      case 'startTime':
        columns.startTime ??= columnValues(field);
        break;
      case 'duration':
        columns.duration ??= columnValues(field);
        break;
      case 'tags':
        columns.tags ??= lazy(LAZY_SLOT.tags, k, field);
        break;
      case 'logs':
        columns.logs ??= lazy(LAZY_SLOT.logs, k, field);
        break;
      case 'kind':
        columns.kind ??= lazy(LAZY_SLOT.kind, k, field);
        break;
      case 'statusCode':
        columns.statusCode ??= lazy(LAZY_SLOT.statusCode, k, field);
        break;
      case 'statusMessage':
        columns.statusMessage ??= lazy(LAZY_SLOT.statusMessage, k, field);
        break;
    }
  }
  // Node-graph or search-result frames are not trace frames: skip them.
  if (!columns.spanID && !columns.operationName) {
    return undefined;
  }
  columns.length = columns.spanID ? columns.spanID.length : longest(columns);
  let traceId = '';
  const traceIdColumn = columns.traceID;
  if (traceIdColumn) {
    for (let r = 0; r < traceIdColumn.length && traceId === ''; r++) {
      traceId = textOf(traceIdColumn[r]);
    }
  }
  columns.traceId = traceId || `frame-${frameIndex}`;
  const c = columns;
  const decoded = scratchDirect
    ? undefined
    : [
        c.parentSpanID,
        c.operationName,
        c.serviceName,
        c.serviceTags,
        c.tags,
        c.logs,
        c.kind,
        c.statusCode,
        c.statusMessage,
        c.spanID,
      ];
  store.add(fields, scratchShape, decoded);
  return columns;
}

export function readSpanTable(frames: unknown, options: ReadOptions, anomalies: AnomalyLog): SpanTable {
  const frameList: unknown[] = Array.isArray(frames) ? frames : [];
  const columns: FrameColumns[] = [];
  let totalRows = 0;
  const store = new FrameStore();
  frameList.forEach((frame, i) => {
    const c = readColumns(frame, i, store);
    if (c) {
      columns.push(c);
      totalRows += c.length;
    }
  });
  const capacity = Math.min(totalRows, options.maxSpans);
  const table: SpanTable = {
    count: 0,
    totalRows,
    ids: [],
    indexById: new Map(),
    madeUpIds: new Map(),
    frameOf: new Int32Array(capacity),
    rowOf: new Int32Array(capacity),
    traceOf: new Int32Array(capacity),
    start: new Float64Array(capacity),
    duration: new Float64Array(capacity),
    rulePhase: new Int8Array(capacity),
    error: new Uint8Array(capacity),
    ownStep: new Int32Array(capacity),
    stepUuids: [],
    stepNames: [],
    columns,
    store,
    traceIds: [],
    taskUuids: new ValueCounts(),
    anchoredCorrelationIds: new ValueCounts(),
    correlationIds: new ValueCounts(),
    namespaces: new ValueCounts(),
    taskNames: new ValueCounts(),
    droppedForLimit: 0,
  };
  const stepIndex = new Map<string, number>();
  const traceIndex = new Map<string, number>();
  const duplicates = new Map<string, number>();
  const { matcher, stepAttribute } = options;
  let n = 0;
  let lastTraceId = '';
  let lastTrace: number | undefined;
  let anchored = false;
  let checkFirst = false;
  let lastStepValue = '';
  let lastStep = -1;

  for (let f = 0; f < columns.length; f++) {
    const c = columns[f];
    const { spanID, traceID, operationName, startTime, duration, tags, statusCode } = c;
    for (let r = 0; r < c.length; r++) {
      let id = spanID ? textOf(spanID[r]) : '';
      if (id === '') {
        // A span without an id still belongs to the task: give it a stable made-up one.
        id = `missing-id-${f}-${r}`;
        table.madeUpIds.set(n, id);
      }
      if (n >= capacity || checkFirst) {
        if (table.indexById.has(id)) {
          duplicates.set(id, (duplicates.get(id) ?? 1) + 1);
          continue;
        }
        if (n >= capacity) {
          table.droppedForLimit++;
          continue;
        }
        table.indexById.set(id, n);
      } else {
        // One map operation per span (this map is the costliest part of reading): insert, and notice a
        // duplicate by the size not growing. Then restore the first copy's index once and check first from then on.
        const size = table.indexById.size;
        table.indexById.set(id, n);
        if (table.indexById.size === size) {
          table.indexById.set(id, table.ids.indexOf(id));
          checkFirst = true;
          duplicates.set(id, 2);
          continue;
        }
      }
      const traceId = (traceID && textOf(traceID[r])) || c.traceId;
      let t = traceId === lastTraceId ? lastTrace : traceIndex.get(traceId);
      lastTraceId = traceId;
      if (t === undefined) {
        // Identity on the normalised 32-digit form: Tempo's search trims leading zeros, trace frames keep them.
        const key = normalizeTraceId(traceId) ?? traceId;
        t = traceIndex.get(key);
        if (t === undefined) {
          t = table.traceIds.length;
          traceIndex.set(key, t);
          table.traceIds.push(key);
        }
        traceIndex.set(traceId, t);
      }
      lastTrace = t;
      table.ids.push(id);
      table.frameOf[n] = f;
      table.rowOf[n] = r;
      table.traceOf[n] = t;
      table.start[n] = startTime ? numberOf(startTime[r]) : NaN;
      table.duration[n] = duration ? numberOf(duration[r]) : NaN;
      const name = operationName ? textOf(operationName[r]) : '';
      const phase = matcher.match(name);
      table.rulePhase[n] = phase;
      let error = statusCode ? isErrorStatus(statusCode[r]) : false;
      let step = -1;
      let stepName: string | undefined;
      const attrs: unknown = tags ? tags[r] : undefined;
      if (Array.isArray(attrs)) {
        for (let k = 0; k < attrs.length; k++) {
          const kv: unknown = attrs[k];
          if (!kv || typeof kv !== 'object') {
            continue;
          }
          const key: unknown = (kv as { key?: unknown }).key;
          if (typeof key !== 'string') {
            continue;
          }
          const raw: unknown = (kv as { value?: unknown }).value;
          // tasker-core's worker.step_completion_received names its step only as span_id = "span-<step_uuid>".
          const workerStep = (key === WORKER_STEP_KEY && step < 0 && workerStepUuid(raw)) || '';
          if (key === stepAttribute || workerStep !== '') {
            const value = workerStep || textOf(raw);
            if (value !== '') {
              let s = value === lastStepValue ? lastStep : stepIndex.get(value);
              if (s === undefined) {
                s = table.stepUuids.length;
                stepIndex.set(value, s);
                table.stepUuids.push(value);
                table.stepNames.push(undefined);
              }
              step = s;
              lastStep = s;
              lastStepValue = value;
            }
            continue;
          }
          switch (key) {
            case 'step_name':
              stepName = textOf(raw) || undefined;
              break;
            case 'task_uuid': {
              const value = textOf(raw);
              if (value !== '') {
                table.taskUuids.add(value);
              }
              break;
            }
            case 'correlation_id': {
              const value = textOf(raw);
              if (value !== '') {
                if (phase === INITIALIZATION || phase === FINALIZATION) {
                  table.anchoredCorrelationIds.add(value);
                  anchored = true;
                } else if (!anchored) {
                  // Only a fallback: once an anchored value is seen, the random worker ones no longer matter.
                  table.correlationIds.add(value);
                }
              }
              break;
            }
            case 'namespace': {
              const value = textOf(raw);
              if (value !== '') {
                table.namespaces.add(value);
              }
              break;
            }
            case 'task_name': {
              const value = textOf(raw);
              if (value !== '') {
                table.taskNames.add(value);
              }
              break;
            }
            case 'error':
              if (isTrueFlag(raw)) {
                error = true;
              }
              break;
          }
        }
      }
      if (step >= 0 && stepName !== undefined && table.stepNames[step] === undefined) {
        table.stepNames[step] = stepName;
      }
      table.ownStep[n] = step;
      table.error[n] = error ? 1 : 0;
      n++;
    }
  }
  table.count = n;
  store.compact();
  for (const [id, times] of duplicates) {
    anomalies.add(
      'duplicate_span_id',
      [id],
      `Span id ${id} appears ${times} times in the data; only the first copy is shown.`
    );
  }
  return table;
}

/** The span's name as text ('' when the input has none). */
export function spanName(table: SpanTable, i: number): string {
  return textOf(table.store.cell(table.frameOf[i], table.rowOf[i], 'operationName'));
}

/** A short label for messages: the name in quotes plus the id, or the id alone. */
export function spanLabel(table: SpanTable, i: number): string {
  const name = spanName(table, i);
  return name === '' ? `span ${table.ids[i]}` : `span "${name}" (${table.ids[i]})`;
}
