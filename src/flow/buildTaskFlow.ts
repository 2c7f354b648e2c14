import type { DataFrame } from '@grafana/data';

import { AnomalyLog } from './anomalyLog';
import { assignPhases, assignSteps } from './assignPhases';
import { computeCriticalPath } from './criticalPath';
import { reportErrors } from './errors';
import { reportPartialTraces } from './partialTraces';
import { FINALIZATION } from './phaseCodes';
import { computePhaseTotals } from './phaseTotals';
import { DEFAULT_PHASE_RULES, compilePhaseRules } from './phaseRules';
import { SpanTable, ValueCounts, readSpanTable } from './spanTable';
import { StitchedTree, stitch } from './stitch';
import { summarizeSteps } from './steps';
import { FLAG_CRITICAL, FLAG_ERROR, TaskFlowModel, type TaskFlowSummaries } from './taskFlowModel';
import { breakCycles, findClockSkew, resolveParents, sanitizeTimes } from './tree';
import { BuildTaskFlowOptions, TaskFlow } from './types';

/** Attribute that ties tasker-core's scattered worker and result traces to a step. */
export const DEFAULT_STEP_ATTRIBUTE = 'step_uuid';

/**
 * Builds one task's flow from Tempo trace-by-id frames (one frame per trace, any number of traces).
 * Never throws: bad input becomes anomalies or safe defaults.
 */
export function buildTaskFlow(frames: DataFrame[], options: BuildTaskFlowOptions = {}): TaskFlow {
  try {
    return build(frames, options);
  } catch (error) {
    // A safety net for input no check foresaw (e.g. cells whose getters throw): an empty flow that says why.
    const empty = build([], {});
    const reason = error instanceof Error ? error.message : String(error);
    empty.anomalies.push({
      kind: 'truncated',
      spanIds: [],
      message: `The spans could not be read (${reason}); nothing is shown.`,
    });
    return empty;
  }
}

function build(frames: unknown, options: BuildTaskFlowOptions): TaskFlow {
  const opts: BuildTaskFlowOptions = options && typeof options === 'object' ? options : {};
  const anomalies = new AnomalyLog();
  const matcher = compilePhaseRules(opts.phaseRules ?? DEFAULT_PHASE_RULES);
  const maxSpans =
    typeof opts.maxSpans === 'number' && opts.maxSpans >= 0 ? Math.floor(opts.maxSpans) : Number.MAX_SAFE_INTEGER;
  const stepAttribute =
    typeof opts.stepAttribute === 'string' && opts.stepAttribute !== '' ? opts.stepAttribute : DEFAULT_STEP_ATTRIBUTE;

  const table = readSpanTable(frames, { matcher, stepAttribute, maxSpans }, anomalies);
  const n = table.count;
  if (opts.truncated === true || table.droppedForLimit > 0) {
    const message =
      table.droppedForLimit > 0
        ? `Only the first ${n} of ${n + table.droppedForLimit} spans are shown: the task is larger than the span limit.`
        : 'The task has more spans than were fetched: what is shown is incomplete.';
    anomalies.add('truncated', [], message);
  }
  reportPartialTraces(frames, anomalies);

  const realParent = resolveParents(table, anomalies);
  breakCycles(realParent, table, anomalies);
  const { start, end } = sanitizeTimes(table, realParent, anomalies);
  findClockSkew(table, realParent, start, end, anomalies);
  const tree = stitch(table, realParent, start, end);

  let startMs = Infinity;
  let endMs = -Infinity;
  for (let i = 0; i < n; i++) {
    startMs = Math.min(startMs, start[i]);
    endMs = Math.max(endMs, end[i]);
  }
  if (n === 0) {
    startMs = 0;
    endMs = 0;
  }

  const phase = assignPhases(table, tree, realParent);
  const stepOf = assignSteps(table, tree, realParent);

  const flags = new Uint8Array(tree.nodeCount);
  const stepFailed = new Uint8Array(table.stepUuids.length);
  let hasError = false;
  let hasFinalization = false;
  for (let i = 0; i < n; i++) {
    if (table.error[i]) {
      flags[i] |= FLAG_ERROR;
      hasError = true;
      if (stepOf[i] >= 0) {
        stepFailed[stepOf[i]] = 1;
      }
    }
    if (phase[i] === FINALIZATION) {
      hasFinalization = true;
    }
  }
  for (let g = n; g < tree.nodeCount; g++) {
    if (stepFailed[tree.syntheticStep[g - n]]) {
      flags[g] |= FLAG_ERROR;
    }
  }
  if (n > 0 && !hasFinalization) {
    anomalies.add(
      'missing_finalization',
      [],
      'No finalization span (finalize_task) was found: the task has not finished yet, or its last spans have not arrived.'
    );
  }

  const correlationId = table.anchoredCorrelationIds.mostFrequent() ?? table.correlationIds.mostFrequent();
  const identity = {
    taskUuid: table.taskUuids.mostFrequent(),
    correlationId,
    namespace: table.namespaces.mostFrequent(),
    taskName: table.taskNames.mostFrequent(),
    status: hasError ? ('error' as const) : hasFinalization ? ('ok' as const) : ('unset' as const),
  };

  // What the tree does not need is summed up on first use (TaskFlowModel.summariesReady): a page paints the tree's
  // rows first and the phase bar, steps and anomalies a frame later; on 100k spans that is about a third of the
  // build. Until then the build data stays; afterwards only what the flow keeps.
  const summarize = (): TaskFlowSummaries => {
    const phaseTotals = computePhaseTotals(tree, phase);
    const steps = summarizeSteps(table, tree, realParent, phase, stepOf, anomalies);
    reportErrors(table, tree, table.error, anomalies);
    const criticalSections = computeCriticalPath(tree, startMs, endMs);
    for (const section of criticalSections) {
      flags[section.node] |= FLAG_CRITICAL;
    }
    releaseBuildData(table, tree);
    return { phaseTotals, criticalSections, steps, anomalies: anomalies.finish() };
  };

  return new TaskFlowModel({
    table,
    tree,
    phase,
    flags,
    stepAttribute,
    startMs,
    endMs,
    summarize,
    identity,
  });
}

/** Drops what only the build needed, so a finished flow keeps little beyond the input frames. */
function releaseBuildData(table: SpanTable, tree: StitchedTree): void {
  const none = new Float64Array(0);
  table.columns = [];
  table.start = none;
  table.duration = none;
  table.rulePhase = new Int8Array(0);
  table.error = new Uint8Array(0);
  table.ownStep = new Int32Array(0);
  table.taskUuids = table.anchoredCorrelationIds = table.correlationIds = new ValueCounts();
  table.namespaces = table.taskNames = table.taskUuids;
  table.ids = [];
  tree.ids = [];
  tree.byStart = new Int32Array(0);
  tree.depth = new Int32Array(0);
}
