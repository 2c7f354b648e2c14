import { AnomalyLog } from './anomalyLog';
import { SpanTable, spanLabel } from './spanTable';
import { StitchedTree } from './stitch';
import { textOf } from './values';

/**
 * One error_span anomaly per failed span. The likely root cause is the earliest-starting failed span that has
 * no failed descendant (errors propagate upwards, so a failed parent is rarely the cause); it is listed first.
 */
export function reportErrors(table: SpanTable, tree: StitchedTree, error: Uint8Array, anomalies: AnomalyLog): void {
  const { realCount: n, nodeCount, preorder, parent, start, depth } = tree;
  const failed: number[] = [];
  for (let i = 0; i < n; i++) {
    if (error[i]) {
      failed.push(i);
    }
  }
  if (failed.length === 0) {
    return;
  }
  const hasFailedDescendant = new Uint8Array(nodeCount);
  for (let k = nodeCount - 1; k >= 0; k--) {
    const i = preorder[k];
    const p = parent[i];
    if (p !== -1 && (hasFailedDescendant[i] || (i < n && error[i]))) {
      hasFailedDescendant[p] = 1;
    }
  }
  let cause = -1;
  for (const i of failed) {
    if (hasFailedDescendant[i]) {
      continue;
    }
    if (cause === -1 || start[i] < start[cause] || (start[i] === start[cause] && depth[i] > depth[cause])) {
      cause = i;
    }
  }
  failed.sort((a, b) => start[a] - start[b] || a - b);
  const describe = (i: number): string => {
    const detail = textOf(table.store.cell(table.frameOf[i], table.rowOf[i], 'statusMessage'));
    return `${spanLabel(table, i)} failed${detail ? ` (${detail})` : ''}.`;
  };
  if (cause !== -1) {
    anomalies.add(
      'error_span',
      [table.ids[cause]],
      `${describe(cause)} This is the earliest failure, the likely root cause.`,
      true
    );
  }
  for (const i of failed) {
    if (i !== cause) {
      anomalies.add('error_span', [table.ids[i]], describe(i));
    }
  }
}
