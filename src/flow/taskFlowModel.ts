import { CriticalSection } from './criticalPath';
import { phaseFromCode } from './phaseCodes';
import { LazyColumn } from './frameStore';
import { SpanTable } from './spanTable';
import { StitchedTree } from './stitch';
import { zeroPhaseTotals } from './phaseTotals';
import { Anomaly, FlowSpan, KeyValue, Phase, StepSummary, TaskFlow } from './types';
import { numberOf, statusCodeOf, textOf } from './values';

export const FLAG_ERROR = 1;
export const FLAG_CRITICAL = 2;

/** What the flow sums up beyond the tree: computed once, on first use (see TaskFlowModel.summariesReady). */
export interface TaskFlowSummaries {
  phaseTotals: Record<Phase, number>;
  criticalSections: CriticalSection[];
  steps: StepSummary[];
  anomalies: Anomaly[];
}

export interface TaskFlowParts {
  table: SpanTable;
  tree: StitchedTree;
  phase: Uint8Array;
  flags: Uint8Array;
  stepAttribute: string;
  startMs: number;
  endMs: number;
  /** Computes the summaries; called at most once. May also set FLAG_CRITICAL in `flags`. */
  summarize: () => TaskFlowSummaries;
  identity: Pick<TaskFlow, 'taskUuid' | 'correlationId' | 'namespace' | 'taskName' | 'status'>;
}

const EMPTY_SUMMARIES = (): TaskFlowSummaries => ({
  phaseTotals: zeroPhaseTotals(),
  criticalSections: [],
  steps: [],
  anomalies: [],
});

function keyValues(list: unknown): KeyValue[] {
  const out: KeyValue[] = [];
  if (Array.isArray(list)) {
    for (const kv of list) {
      if (kv && typeof kv === 'object' && typeof (kv as { key?: unknown }).key === 'string') {
        out.push({ key: (kv as KeyValue).key, value: (kv as KeyValue).value });
      }
    }
  }
  return out;
}

/**
 * The task flow over flat arrays. Real spans are indices 0..realCount-1, synthetic step nodes follow.
 * Span objects are built only when asked for (span()).
 */
export class TaskFlowModel implements TaskFlow {
  readonly spanCount: number;
  readonly nodeCount: number;
  /** The same as spanCount (kept for callers written when spanCount counted the synthetic nodes too). */
  readonly realSpanCount: number;
  readonly roots: string[];
  readonly startMs: number;
  readonly endMs: number;
  readonly durationMs: number;
  readonly traceIds: string[];
  readonly taskUuid?: string;
  readonly correlationId?: string;
  readonly namespace?: string;
  readonly taskName?: string;
  readonly status: 'error' | 'ok' | 'unset';
  readonly preorder: Int32Array;
  readonly subtreeEnd: Int32Array;

  private readonly table: SpanTable;
  private readonly tree: StitchedTree;
  private readonly phase: Uint8Array;
  private readonly flags: Uint8Array;
  private readonly stepAttribute: string;
  private summarize?: () => TaskFlowSummaries;
  private summary?: {
    phaseTotals: Record<Phase, number>;
    criticalPath: string[];
    steps: StepSummary[];
    anomalies: Anomaly[];
    /** Sections are kept flat; objects are made only if someone asks for them. */
    sections: { node: Int32Array; start: Float64Array; end: Float64Array };
  };
  private sectionObjects?: Array<{ spanId: string; startMs: number; endMs: number }>;

  constructor(parts: TaskFlowParts) {
    const { table, tree } = parts;
    this.table = table;
    this.tree = tree;
    this.phase = parts.phase;
    this.flags = parts.flags;
    this.stepAttribute = parts.stepAttribute;
    this.spanCount = tree.realCount;
    this.nodeCount = tree.nodeCount;
    this.realSpanCount = tree.realCount;
    this.roots = Array.from(tree.topLevel, (i) => this.idAt(i));
    this.startMs = parts.startMs;
    this.endMs = parts.endMs;
    // Spans near ±Number.MAX_VALUE (bad input) would make the difference overflow to Infinity.
    this.durationMs = Math.min(Number.MAX_VALUE, parts.endMs - parts.startMs);
    this.summarize = parts.summarize;
    this.traceIds = table.traceIds;
    this.taskUuid = parts.identity.taskUuid;
    this.correlationId = parts.identity.correlationId;
    this.namespace = parts.identity.namespace;
    this.taskName = parts.identity.taskName;
    this.status = parts.identity.status;
    this.preorder = tree.preorder;
    this.subtreeEnd = tree.subtreeEnd;
  }

  /** Whether the summaries (phase totals, steps, critical path, anomalies) are computed yet. */
  get summariesReady(): boolean {
    return this.summary !== undefined;
  }

  private summed(): NonNullable<TaskFlowModel['summary']> {
    if (!this.summary) {
      const summarize = this.summarize;
      this.summarize = undefined;
      let parts: TaskFlowSummaries;
      try {
        parts = summarize ? summarize() : EMPTY_SUMMARIES();
      } catch (error) {
        // As buildTaskFlow's safety net: input no check foresaw leaves the tree, with the reason, not a crash.
        const reason = error instanceof Error ? error.message : String(error);
        parts = {
          ...EMPTY_SUMMARIES(),
          anomalies: [{ kind: 'truncated', spanIds: [], message: `The task could not be summed up (${reason}).` }],
        };
      }
      const criticalPath: string[] = [];
      const seen = new Set<number>();
      for (const section of parts.criticalSections) {
        if (!seen.has(section.node)) {
          seen.add(section.node);
          criticalPath.push(this.idAt(section.node));
        }
      }
      const count = parts.criticalSections.length;
      const sections = { node: new Int32Array(count), start: new Float64Array(count), end: new Float64Array(count) };
      parts.criticalSections.forEach((section, k) => {
        sections.node[k] = section.node;
        sections.start[k] = section.startMs;
        sections.end[k] = section.endMs;
      });
      this.summary = {
        phaseTotals: parts.phaseTotals,
        criticalPath,
        steps: parts.steps,
        anomalies: parts.anomalies,
        sections,
      };
    }
    return this.summary;
  }

  /** Self time per phase, ms. */
  get phaseTotals(): Record<Phase, number> {
    return this.summed().phaseTotals;
  }

  get criticalPath(): string[] {
    return this.summed().criticalPath;
  }

  get steps(): StepSummary[] {
    return this.summed().steps;
  }

  get anomalies(): Anomaly[] {
    return this.summed().anomalies;
  }

  /** The critical path as time sections, in time order (a parent appears once per stretch it is critical). */
  get criticalSections(): Array<{ spanId: string; startMs: number; endMs: number }> {
    if (!this.sectionObjects) {
      const { node, start, end } = this.summed().sections;
      this.sectionObjects = Array.from(node, (i, k) => ({ spanId: this.idAt(i), startMs: start[k], endMs: end[k] }));
    }
    return this.sectionObjects;
  }

  private valid(index: number): boolean {
    return Number.isInteger(index) && index >= 0 && index < this.tree.nodeCount;
  }

  private cell(index: number, column: LazyColumn): unknown {
    return this.table.store.cell(this.table.frameOf[index], this.table.rowOf[index], column);
  }

  private isSynthetic(index: number): boolean {
    return index >= this.tree.realCount;
  }

  indexOf(spanId: string): number {
    return this.table.indexById.get(spanId) ?? this.tree.syntheticIndex.get(spanId) ?? -1;
  }

  idAt(index: number): string {
    if (!this.valid(index)) {
      return '';
    }
    if (this.isSynthetic(index)) {
      return this.tree.syntheticIds[index - this.tree.realCount];
    }
    // Read from the frames rather than stored: 8 bytes per span saved.
    return this.table.madeUpIds.get(index) ?? textOf(this.cell(index, 'spanID'));
  }

  nameAt(index: number): string {
    if (!this.valid(index)) {
      return '';
    }
    if (this.isSynthetic(index)) {
      const s = this.tree.syntheticStep[index - this.tree.realCount];
      return `step ${this.table.stepNames[s] ?? this.table.stepUuids[s]}`;
    }
    return textOf(this.cell(index, 'operationName'));
  }

  serviceAt(index: number): string {
    if (!this.valid(index) || this.isSynthetic(index)) {
      return '';
    }
    const service = textOf(this.cell(index, 'serviceName'));
    if (service !== '') {
      return service;
    }
    const resource = keyValues(this.cell(index, 'serviceTags')).find((kv) => kv.key === 'service.name');
    return resource ? textOf(resource.value) : '';
  }

  depthAt(index: number): number {
    if (!this.valid(index)) {
      return 0;
    }
    // Computed by walking up: a stored depth would cost 4 bytes per span for a value only visible rows need.
    let depth = 0;
    for (let p = this.tree.parent[index]; p !== -1; p = this.tree.parent[p]) {
      depth++;
    }
    return depth;
  }

  startAt(index: number): number {
    return this.valid(index) ? this.tree.start[index] : 0;
  }

  durationAt(index: number): number {
    return this.valid(index) ? this.tree.end[index] - this.tree.start[index] : 0;
  }

  phaseAt(index: number): Phase {
    return this.valid(index) ? phaseFromCode(this.phase[index]) : 'other';
  }

  errorAt(index: number): boolean {
    return this.valid(index) && (this.flags[index] & FLAG_ERROR) !== 0;
  }

  onCriticalPathAt(index: number): boolean {
    if (!this.valid(index)) {
      return false;
    }
    // The critical flags are set when the summaries are computed.
    this.summed();
    return (this.flags[index] & FLAG_CRITICAL) !== 0;
  }

  childCountAt(index: number): number {
    return this.valid(index) ? this.tree.childOffsets[index + 1] - this.tree.childOffsets[index] : 0;
  }

  /** Index of the node's parent in the stitched tree, -1 for roots. */
  parentAt(index: number): number {
    return this.valid(index) ? this.tree.parent[index] : -1;
  }

  /** True for the synthetic nodes that group a step's traces. */
  syntheticAt(index: number): boolean {
    return this.valid(index) && this.isSynthetic(index);
  }

  childrenOf(spanId: string): string[] {
    const i = this.indexOf(spanId);
    if (i === -1) {
      return [];
    }
    const { childOffsets, children } = this.tree;
    const out: string[] = [];
    for (let c = childOffsets[i]; c < childOffsets[i + 1]; c++) {
      out.push(this.idAt(children[c]));
    }
    return out;
  }

  phaseOf(spanId: string): Phase {
    return this.phaseAt(this.indexOf(spanId));
  }

  isOnCriticalPath(spanId: string): boolean {
    return this.onCriticalPathAt(this.indexOf(spanId));
  }

  span(spanId: string): FlowSpan | undefined {
    const i = this.indexOf(spanId);
    if (i === -1) {
      return undefined;
    }
    const common = {
      spanId,
      name: this.nameAt(i),
      startMs: this.startAt(i),
      durationMs: this.durationAt(i),
      depth: this.depthAt(i),
      phase: this.phaseAt(i),
      error: this.errorAt(i),
    };
    const stepUuid = this.stepUuidAt(i);
    if (this.isSynthetic(i)) {
      return {
        ...common,
        traceId: '',
        serviceName: '',
        statusCode: common.error ? 2 : 0,
        attributes: stepUuid === undefined ? [] : [{ key: 'step_uuid', value: stepUuid }],
        resource: [],
        events: [],
        stepUuid,
        synthetic: true,
      };
    }
    const parentSpanId = textOf(this.cell(i, 'parentSpanID'));
    const statusMessage = textOf(this.cell(i, 'statusMessage'));
    const kind = textOf(this.cell(i, 'kind'));
    const logs = this.cell(i, 'logs');
    const events: FlowSpan['events'] = [];
    if (Array.isArray(logs)) {
      for (const log of logs) {
        if (log && typeof log === 'object') {
          const { timestamp, name, fields } = log as { timestamp?: unknown; name?: unknown; fields?: unknown };
          const event: FlowSpan['events'][number] = { timeMs: numberOf(timestamp), fields: keyValues(fields) };
          if (typeof name === 'string') {
            event.name = name;
          }
          events.push(event);
        }
      }
    }
    const span: FlowSpan = {
      ...common,
      traceId: this.table.traceIds[this.table.traceOf[i]],
      serviceName: this.serviceAt(i),
      statusCode: statusCodeOf(this.cell(i, 'statusCode')),
      attributes: keyValues(this.cell(i, 'tags')),
      resource: keyValues(this.cell(i, 'serviceTags')),
      events,
    };
    if (parentSpanId !== '') {
      span.parentSpanId = parentSpanId;
    }
    if (statusMessage !== '') {
      span.statusMessage = statusMessage;
    }
    if (kind !== '') {
      span.kind = kind;
    }
    if (stepUuid !== undefined) {
      span.stepUuid = stepUuid;
    }
    return span;
  }

  /** The step a node belongs to: its own step attribute, else its nearest ancestor's (synthetic nodes: theirs). */
  stepUuidAt(index: number): string | undefined {
    for (let j = this.valid(index) ? index : -1; j !== -1; j = this.tree.parent[j]) {
      if (this.isSynthetic(j)) {
        return this.table.stepUuids[this.tree.syntheticStep[j - this.tree.realCount]];
      }
      const tags = this.cell(j, 'tags');
      if (Array.isArray(tags)) {
        for (const kv of tags) {
          if (kv && typeof kv === 'object' && (kv as KeyValue).key === this.stepAttribute) {
            const value = textOf((kv as KeyValue).value);
            if (value !== '') {
              return value;
            }
          }
        }
      }
    }
    return undefined;
  }

  search(text: string): number[] {
    const needle = typeof text === 'string' ? text.trim().toLowerCase() : '';
    if (needle === '') {
      return [];
    }
    const hit = (value: unknown): boolean => {
      const s = textOf(value);
      return s !== '' && s.toLowerCase().includes(needle);
    };
    const hasHit = (list: unknown): boolean =>
      Array.isArray(list) && list.some((kv) => kv && typeof kv === 'object' && hit((kv as KeyValue).value));
    const out: number[] = [];
    for (let k = 0; k < this.preorder.length; k++) {
      const i = this.preorder[k];
      if (this.isSynthetic(i)) {
        if (hit(this.idAt(i)) || hit(this.nameAt(i))) {
          out.push(i);
        }
        continue;
      }
      if (
        hit(this.cell(i, 'operationName')) ||
        hit(this.idAt(i)) ||
        hit(this.serviceAt(i)) ||
        hasHit(this.cell(i, 'tags')) ||
        hasHit(this.cell(i, 'serviceTags'))
      ) {
        out.push(i);
      }
    }
    return out;
  }
}
