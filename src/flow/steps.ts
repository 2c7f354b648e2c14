import { AnomalyLog } from './anomalyLog';
import { ENQUEUEING, EXECUTION, RESULT_PROCESSING } from './phaseCodes';
import { SpanTable } from './spanTable';
import { textOf } from './values';
import { StitchedTree } from './stitch';
import { StepSummary } from './types';

/**
 * A step's "execution spans" are its execution-phase spans whose real parent is not an execution-phase span of
 * the same step (execute_step, worker.step_execution, worker.step_completion_received; not their children
 * try_claim_step or handler_execution). Result spans likewise with result_processing.
 * attempts = the largest number of execution spans sharing one name (a step whose worker emits two kinds of
 * top spans per run still counts one attempt per run); with no execution span, the same count over result spans.
 */
export function summarizeSteps(
  table: SpanTable,
  tree: StitchedTree,
  realParent: Int32Array,
  phase: Uint8Array,
  stepOf: Int32Array,
  anomalies: AnomalyLog
): StepSummary[] {
  const stepCount = table.stepUuids.length;
  if (stepCount === 0) {
    return [];
  }
  const { realCount: n, preorder, start, end, ids } = tree;
  // Spans of each step (CSR), in pre-order.
  const offsets = new Int32Array(stepCount + 1);
  for (let i = 0; i < n; i++) {
    if (stepOf[i] >= 0) {
      offsets[stepOf[i] + 1]++;
    }
  }
  for (let s = 0; s < stepCount; s++) {
    offsets[s + 1] += offsets[s];
  }
  const members = new Int32Array(offsets[stepCount]);
  const fill = offsets.slice(0, stepCount);
  for (let k = 0; k < preorder.length; k++) {
    const i = preorder[k];
    if (i < n && stepOf[i] >= 0) {
      members[fill[stepOf[i]]++] = i;
    }
  }
  let enqueueCount = 0;
  for (let i = 0; i < n; i++) {
    if (phase[i] === ENQUEUEING) {
      enqueueCount++;
    }
  }
  const enqueueEnds = new Float64Array(enqueueCount);
  enqueueCount = 0;
  for (let i = 0; i < n; i++) {
    if (phase[i] === ENQUEUEING) {
      enqueueEnds[enqueueCount++] = end[i];
    }
  }
  enqueueEnds.sort();

  const isTop = (i: number, code: number, s: number): boolean => {
    if (phase[i] !== code) {
      return false;
    }
    const p = realParent[i];
    return p === -1 || stepOf[p] !== s || phase[p] !== code;
  };

  const steps: StepSummary[] = [];
  const firstStarts: number[] = [];
  for (let s = 0; s < stepCount; s++) {
    const from = offsets[s];
    const to = offsets[s + 1];
    if (from === to) {
      continue;
    }
    const executions: number[] = [];
    const results: number[] = [];
    // Exact-size list: push-grown arrays keep up to half again as much room.
    const spanIds = new Array<string>(to - from);
    let failed = false;
    let firstStart = Infinity;
    for (let k = from; k < to; k++) {
      const i = members[k];
      spanIds[k - from] = ids[i];
      failed = failed || table.error[i] === 1;
      firstStart = Math.min(firstStart, start[i]);
      if (isTop(i, EXECUTION, s)) {
        executions.push(i);
      } else if (isTop(i, RESULT_PROCESSING, s)) {
        results.push(i);
      }
    }
    const stepName = table.stepNames[s];
    const attempts = executions.length > 0 ? runsOf(table, executions) : runsOf(table, results);
    let queueWaitMs: number | undefined;
    let executionMs: number | undefined;
    if (executions.length > 0) {
      let firstExecution = Infinity;
      for (const i of executions) {
        firstExecution = Math.min(firstExecution, start[i]);
      }
      const wait = latestAtOrBefore(enqueueEnds, firstExecution);
      queueWaitMs = wait === undefined ? undefined : firstExecution - wait;
      executionMs = unionLength(executions, start, end);
    }
    const resultProcessingMs = results.length > 0 ? unionLength(results, start, end) : undefined;
    // One literal with every key: one compact object shape for all steps. Absent figures are undefined
    // (deleting the keys would turn each object into a slow, larger dictionary object).
    const summary: StepSummary = {
      stepUuid: table.stepUuids[s],
      stepName,
      attempts,
      queueWaitMs,
      executionMs,
      resultProcessingMs,
      spanIds,
      failed,
    };
    if (attempts > 1) {
      const label = stepName ?? table.stepUuids[s];
      const retries = attempts - 1;
      anomalies.add(
        'retry',
        (executions.length > 0 ? executions : results).map((i) => ids[i]),
        `Step ${label} ran ${attempts} times (${retries} ${retries === 1 ? 'retry' : 'retries'}).`
      );
    }
    steps.push(summary);
    firstStarts.push(firstStart);
  }
  // Steps in the order they started.
  return steps
    .map((_, k) => k)
    .sort((a, b) => firstStarts[a] - firstStarts[b] || a - b)
    .map((k) => steps[k]);
}

/** The largest count of spans sharing one name. */
function runsOf(table: SpanTable, spans: number[]): number {
  if (spans.length < 2) {
    return spans.length;
  }
  const names = spans.map((i) => buildTimeName(table, i));
  if (names.length > 16) {
    const counts = new Map<string, number>();
    for (const name of names) {
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return Math.max(...counts.values());
  }
  // Steps have a handful of execution spans: pairwise comparison beats a map here.
  let most = 0;
  for (let a = 0; a < names.length; a++) {
    let count = 0;
    for (let b = 0; b < names.length; b++) {
      if (names[b] === names[a]) {
        count++;
      }
    }
    most = Math.max(most, count);
    if (most > names.length - a) {
      break;
    }
  }
  return most;
}

/** Span name from the decoded columns (faster than the lazy store while they exist). */
function buildTimeName(table: SpanTable, i: number): string {
  const column = table.columns[table.frameOf[i]]?.operationName;
  return column ? textOf(column[table.rowOf[i]]) : '';
}

/** The largest value <= limit in an ascending list, or undefined. */
function latestAtOrBefore(sorted: Float64Array, limit: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= limit) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo > 0 ? sorted[lo - 1] : undefined;
}

/** Total time covered by the spans' intervals, overlaps counted once. */
function unionLength(spans: number[], start: Float64Array, end: Float64Array): number {
  const sorted = spans.slice().sort((a, b) => start[a] - start[b]);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const i of sorted) {
    if (start[i] > curEnd) {
      if (curEnd > curStart) {
        total += curEnd - curStart;
      }
      curStart = start[i];
      curEnd = end[i];
    } else if (end[i] > curEnd) {
      curEnd = end[i];
    }
  }
  if (curEnd > curStart) {
    total += curEnd - curStart;
  }
  return total;
}
