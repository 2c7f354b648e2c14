// Contract of the task-flow model. Pure types: no React, no @grafana/runtime.

export type Phase = 'initialization' | 'enqueueing' | 'execution' | 'result_processing' | 'finalization' | 'other';

export const PHASES: readonly Phase[] = [
  'initialization',
  'enqueueing',
  'execution',
  'result_processing',
  'finalization',
  'other',
];

/** A rule that gives a phase to spans; rules are tried in order, the first match wins. Users edit them in settings. */
export interface PhaseRule {
  phase: Phase;
  /** Exact span names. */
  names?: string[];
  /** RE2/JS-compatible regex over the span name (optional). */
  pattern?: string;
}

export type AnomalyKind =
  | 'orphan_span'
  | 'duplicate_span_id'
  | 'cycle'
  | 'negative_duration'
  | 'clock_skew'
  | 'error_span'
  | 'retry'
  | 'missing_finalization'
  | 'truncated'
  /** Tempo returned only part of a trace (Grafana's frame `meta.custom.partial`). */
  | 'partial_trace'
  /** A phase or step beyond its usual time (src/history); the flow page adds it once the history is in. */
  | 'slower_than_usual';

export interface Anomaly {
  kind: AnomalyKind;
  spanIds: string[];
  /** Plain words for a user. Never HTML. */
  message: string;
  /** error_span: true on the earliest error, the likely root cause. */
  rootCause?: boolean;
}

export interface StepSummary {
  stepUuid: string;
  stepName?: string;
  attempts: number;
  queueWaitMs?: number;
  executionMs?: number;
  resultProcessingMs?: number;
  /** Span ids of this step (all attempts). */
  spanIds: string[];
  failed: boolean;
}

export interface KeyValue {
  key: string;
  value: unknown;
}

/** One span, materialised on demand by `TaskFlow.span()`. All strings are user data: render as text. */
export interface FlowSpan {
  spanId: string;
  traceId: string;
  parentSpanId?: string;
  name: string;
  serviceName: string;
  startMs: number;
  durationMs: number;
  /** 0 unset, 1 ok, 2 error. */
  statusCode: 0 | 1 | 2;
  statusMessage?: string;
  kind?: string;
  attributes: KeyValue[];
  resource: KeyValue[];
  events: Array<{ timeMs: number; name?: string; fields: KeyValue[] }>;
  stepUuid?: string;
  /** Depth in the stitched tree (roots are 0). */
  depth: number;
  phase: Phase;
  error: boolean;
  /** True for nodes the model adds to group stitched traces (e.g. one node per step); they have no trace. */
  synthetic?: boolean;
}

export interface BuildTaskFlowOptions {
  phaseRules?: PhaseRule[];
  /** Set when the caller stopped fetching at a size limit: adds a `truncated` anomaly. */
  truncated?: boolean;
  /** Spans above this count are dropped and `truncated` is reported. */
  maxSpans?: number;
  /** Attribute that ties a root span to a step, to group scattered traces (default `step_uuid`). */
  stepAttribute?: string;
}

export interface TaskFlow {
  /** Real spans of the task (from the input frames), never the synthetic step nodes the model adds. */
  spanCount: number;
  /**
   * Nodes of the tree: the real spans (indices 0..spanCount-1) then the synthetic step nodes
   * (spanCount..nodeCount-1). `preorder` and the index accessors cover all of them.
   */
  nodeCount: number;
  /** Root span ids, in start-time order, across all stitched traces. */
  roots: string[];
  childrenOf(spanId: string): string[];
  phaseOf(spanId: string): Phase;
  span(spanId: string): FlowSpan | undefined;
  isOnCriticalPath(spanId: string): boolean;
  startMs: number;
  endMs: number;
  /** First start to last end. */
  durationMs: number;
  /** Self time per phase, ms; never more than durationMs in total. */
  phaseTotals: Record<Phase, number>;
  criticalPath: string[];
  steps: StepSummary[];
  anomalies: Anomaly[];
  traceIds: string[];
  /** Task identity read from the spans' attributes, when present. */
  taskUuid?: string;
  correlationId?: string;
  namespace?: string;
  taskName?: string;
  /** 'error' when any span failed, 'ok' when finalized without errors, 'unset' otherwise. */
  status: 'error' | 'ok' | 'unset';
  /**
   * False while phaseTotals, criticalPath, steps and anomalies wait for their first use (reading any computes them
   * all): a page can paint the tree first. Absent means computed.
   */
  readonly summariesReady?: boolean;

  // Index-based access for a virtualised tree over 100k spans: no per-span objects.
  /** Node indices (0..nodeCount-1) in pre-order of the stitched tree, children in start-time order. */
  preorder: Int32Array;
  /** For pre-order position p, the position just past p's subtree (collapse = jump there). */
  subtreeEnd: Int32Array;
  indexOf(spanId: string): number;
  idAt(index: number): string;
  nameAt(index: number): string;
  serviceAt(index: number): string;
  depthAt(index: number): number;
  startAt(index: number): number;
  durationAt(index: number): number;
  phaseAt(index: number): Phase;
  errorAt(index: number): boolean;
  onCriticalPathAt(index: number): boolean;
  childCountAt(index: number): number;
  /** Indices of spans whose name, id or any attribute value contains `text` (case-insensitive). */
  search(text: string): number[];
}
