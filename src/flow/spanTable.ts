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

/** Synthetic step nodes are named `step:<step_uuid>`. */
export const SYNTHETIC_STEP_PREFIX = 'step:';

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
  /** Some span id starts with `step:`, the prefix of synthetic step ids: only then can they clash. */
  stepPrefixedIds: boolean;
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

/** Frames as columns (frames that are not trace frames skipped), and their total row count. */
function readFrames(frames: unknown, store: FrameStore): { columns: FrameColumns[]; totalRows: number } {
  const frameList: unknown[] = Array.isArray(frames) ? frames : [];
  const columns: FrameColumns[] = [];
  let totalRows = 0;
  for (let i = 0; i < frameList.length; i++) {
    const c = readColumns(frameList[i], i, store);
    if (c) {
      columns.push(c);
      totalRows += c.length;
    }
  }
  return { columns, totalRows };
}

function emptyTable(columns: FrameColumns[], store: FrameStore, totalRows: number, capacity: number): SpanTable {
  return {
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
    stepPrefixedIds: false,
  };
}

/** What reading carries from span to span: interned traces and steps, and the duplicate-id bookkeeping. */
class ReadState {
  readonly traceIndex = new Map<string, number>();
  readonly stepIndex = new Map<string, number>();
  readonly duplicates = new Map<string, number>();
  /** Set once a duplicate id was seen: from then on every id is looked up before it is inserted. */
  checkFirst = false;
  /** An initialization/finalization span carried a correlation_id: worker ones no longer count. */
  anchored = false;
  lastStepValue = '';
  lastStep = -1;
  /** The trace of the current frame's own trace id, interned on first use (-1: not yet). */
  frameTrace = -1;
  constructor(
    readonly matcher: PhaseMatcher,
    readonly stepAttribute: string
  ) {}
}

/**
 * Gives span `id` the index n. False when the span is not kept: a later copy of an id already seen (counted in
 * state.duplicates), or a span past the table's capacity (counted in droppedForLimit).
 */
function indexSpanId(table: SpanTable, state: ReadState, id: string, n: number, capacity: number): boolean {
  const index = table.indexById;
  if (n >= capacity || state.checkFirst) {
    if (index.has(id)) {
      state.duplicates.set(id, (state.duplicates.get(id) ?? 1) + 1);
      return false;
    }
    if (n >= capacity) {
      table.droppedForLimit++;
      return false;
    }
    index.set(id, n);
    return true;
  }
  // One map operation per span (this map is the costliest part of reading): insert, and notice a duplicate by
  // the size not growing. Then restore the first copy's index once and check first from then on.
  const size = index.size;
  index.set(id, n);
  if (index.size === size) {
    index.set(id, table.ids.indexOf(id));
    state.checkFirst = true;
    state.duplicates.set(id, 2);
    return false;
  }
  return true;
}

/** 32 lower-case hex digits: already the normalised form (the usual case; skips normalising's regex). */
function isNormalTraceId(id: string): boolean {
  if (id.length !== 32) {
    return false;
  }
  for (let k = 0; k < 32; k++) {
    const code = id.charCodeAt(k);
    if (!((code >= 48 && code <= 57) || (code >= 97 && code <= 102))) {
      return false;
    }
  }
  return true;
}

/** Index of a trace in table.traceIds, added on first sight. Identity is the normalised id. */
function internTrace(table: SpanTable, state: ReadState, traceId: string): number {
  let t = state.traceIndex.get(traceId);
  if (t !== undefined) {
    return t;
  }
  // Identity on the normalised 32-digit form: Tempo's search trims leading zeros, trace frames keep them.
  const key = isNormalTraceId(traceId) ? traceId : (normalizeTraceId(traceId) ?? traceId);
  t = key === traceId ? undefined : state.traceIndex.get(key);
  if (t === undefined) {
    t = table.traceIds.length;
    state.traceIndex.set(key, t);
    table.traceIds.push(key);
  }
  if (key !== traceId) {
    state.traceIndex.set(traceId, t);
  }
  return t;
}

/** The trace of row r. A frame holds one trace as a rule: its id is interned once per frame, not per row. */
function traceOfRow(table: SpanTable, state: ReadState, c: FrameColumns, r: number): number {
  const raw: unknown = c.traceID ? c.traceID[r] : undefined;
  if (raw === c.traceId || raw === undefined || raw === '' || raw === null) {
    if (state.frameTrace === -1) {
      state.frameTrace = internTrace(table, state, c.traceId);
    }
    return state.frameTrace;
  }
  return internTrace(table, state, textOf(raw) || c.traceId);
}

/** Reads the span's own attributes into the table (step, error flag) and the task's identity counts. */
function readAttributes(table: SpanTable, state: ReadState, attrs: unknown[], phase: number, n: number): void {
  let step = -1;
  let stepName: string | undefined;
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
    if (key === state.stepAttribute || workerStep !== '') {
      const value = workerStep || textOf(raw);
      if (value !== '') {
        step = internStep(table, state, value);
      }
      continue;
    }
    switch (key) {
      case 'step_name':
        stepName = textOf(raw) || undefined;
        break;
      case 'task_uuid':
        addText(table.taskUuids, raw);
        break;
      case 'correlation_id':
        if (phase === INITIALIZATION || phase === FINALIZATION) {
          state.anchored = addText(table.anchoredCorrelationIds, raw) || state.anchored;
        } else if (!state.anchored) {
          // Only a fallback: once an anchored value is seen, the random worker ones no longer matter.
          addText(table.correlationIds, raw);
        }
        break;
      case 'namespace':
        addText(table.namespaces, raw);
        break;
      case 'task_name':
        addText(table.taskNames, raw);
        break;
      case 'error':
        if (isTrueFlag(raw)) {
          table.error[n] = 1;
        }
        break;
    }
  }
  if (step >= 0 && stepName !== undefined && table.stepNames[step] === undefined) {
    table.stepNames[step] = stepName;
  }
  table.ownStep[n] = step;
}

/** Counts a non-empty text value; whether it did. */
function addText(counts: ValueCounts, raw: unknown): boolean {
  const value = textOf(raw);
  if (value === '') {
    return false;
  }
  counts.add(value);
  return true;
}

function internStep(table: SpanTable, state: ReadState, value: string): number {
  let s = value === state.lastStepValue ? state.lastStep : state.stepIndex.get(value);
  if (s === undefined) {
    s = table.stepUuids.length;
    state.stepIndex.set(value, s);
    table.stepUuids.push(value);
    table.stepNames.push(undefined);
  }
  state.lastStep = s;
  state.lastStepValue = value;
  return s;
}

/** Reads the values of kept span n (row r of frame f) into the table's flat columns. */
function readSpanValues(table: SpanTable, state: ReadState, c: FrameColumns, f: number, r: number, n: number): void {
  const { operationName, startTime, duration, tags, statusCode } = c;
  table.frameOf[n] = f;
  table.rowOf[n] = r;
  table.start[n] = startTime ? numberOf(startTime[r]) : NaN;
  table.duration[n] = duration ? numberOf(duration[r]) : NaN;
  const phase = state.matcher.match(operationName ? textOf(operationName[r]) : '');
  table.rulePhase[n] = phase;
  table.error[n] = statusCode && isErrorStatus(statusCode[r]) ? 1 : 0;
  const attrs: unknown = tags ? tags[r] : undefined;
  if (Array.isArray(attrs)) {
    readAttributes(table, state, attrs, phase, n);
  } else {
    table.ownStep[n] = -1;
  }
}

export function readSpanTable(frames: unknown, options: ReadOptions, anomalies: AnomalyLog): SpanTable {
  const store = new FrameStore();
  const { columns, totalRows } = readFrames(frames, store);
  const capacity = Math.min(totalRows, options.maxSpans);
  const table = emptyTable(columns, store, totalRows, capacity);
  const state = new ReadState(options.matcher, options.stepAttribute);
  let n = 0;
  for (let f = 0; f < columns.length; f++) {
    const c = columns[f];
    const spanID = c.spanID;
    state.frameTrace = -1;
    for (let r = 0; r < c.length; r++) {
      const given = spanID ? textOf(spanID[r]) : '';
      // A span without an id still belongs to the task: give it a stable made-up one.
      const id = given !== '' ? given : `missing-id-${f}-${r}`;
      if (!indexSpanId(table, state, id, n, capacity)) {
        continue;
      }
      if (given === '') {
        table.madeUpIds.set(n, id);
      } else if (id.charCodeAt(0) === 115 && id.startsWith(SYNTHETIC_STEP_PREFIX)) {
        table.stepPrefixedIds = true;
      }
      table.ids.push(id);
      table.traceOf[n] = traceOfRow(table, state, c, r);
      readSpanValues(table, state, c, f, r, n);
      n++;
    }
  }
  table.count = n;
  store.compact();
  for (const [id, times] of state.duplicates) {
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
