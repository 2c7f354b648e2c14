// The flow's summaries (phase totals, steps, critical path, anomalies) are computed on first use, so a page can paint
// the tree first. Whatever is read first, and in whatever order, the flow is the same.
import { buildTaskFlow } from './buildTaskFlow';
import { errorTaskFrames } from './fixtures/errorTask';
import { duplicateFrames } from './fixtures/malformedFrames';
import { makeLargeTaskFrames } from './fixtures/largeTask';
import type { TaskFlow } from './types';

function summaries(flow: TaskFlow) {
  return {
    phaseTotals: flow.phaseTotals,
    steps: flow.steps,
    criticalPath: flow.criticalPath,
    anomalies: flow.anomalies,
    critical: Array.from({ length: flow.nodeCount }, (_, i) => flow.onCriticalPathAt(i)),
  };
}

describe('summaries on first use', () => {
  it('are not computed by the build, and are by the first read of any of them', () => {
    const reads: Array<(f: TaskFlow) => unknown> = [
      (f) => f.steps,
      (f) => f.phaseTotals,
      (f) => f.criticalPath,
      (f) => f.anomalies,
      (f) => f.onCriticalPathAt(0),
      (f) => f.isOnCriticalPath(f.roots[0]),
    ];
    for (const read of reads) {
      const flow = buildTaskFlow(errorTaskFrames());
      expect(flow.summariesReady).toBe(false);
      read(flow);
      expect(flow.summariesReady).toBe(true);
    }
  });

  it('give the same flow whichever is read first', () => {
    const expected = summaries(buildTaskFlow(makeLargeTaskFrames(2000, 3)));
    const critFirst = buildTaskFlow(makeLargeTaskFrames(2000, 3));
    critFirst.onCriticalPathAt(5);
    expect(summaries(critFirst)).toEqual(expected);
    const anomaliesFirst = buildTaskFlow(makeLargeTaskFrames(2000, 3));
    void anomaliesFirst.anomalies;
    expect(summaries(anomaliesFirst)).toEqual(expected);
    expect(expected.criticalPath.length).toBeGreaterThan(0);
    expect(expected.steps.length).toBeGreaterThan(0);
  });

  it('leave the tree, its errors and the task status as they are before and after', () => {
    const flow = buildTaskFlow(errorTaskFrames());
    const before = {
      status: flow.status,
      errors: Array.from(flow.preorder, (i) => flow.errorAt(i)),
      ids: [...flow.roots],
    };
    void flow.steps;
    expect({
      status: flow.status,
      errors: Array.from(flow.preorder, (i) => flow.errorAt(i)),
      ids: [...flow.roots],
    }).toEqual(before);
    expect(before.errors.some(Boolean)).toBe(true);
  });

  it('keep the anomalies the build found (duplicate ids) beside those of the summaries', () => {
    const flow = buildTaskFlow(duplicateFrames());
    expect(flow.anomalies.map((a) => a.kind)).toContain('duplicate_span_id');
  });
});
