import type { DataFrame } from '@grafana/data';
import fc from 'fast-check';

import { badNumberFrames, garbageFrames, missingFieldFrames } from './fixtures/malformedFrames';
import { rawFrame } from './fixtures/traceFrames';
import { buildTaskFlow } from './index';
import { TaskFlow } from './types';

/** Structural invariants every flow must keep, whatever the input. */
function expectConsistent(flow: TaskFlow): void {
  const n = flow.nodeCount;
  expect(flow.preorder).toHaveLength(n);
  expect(new Set(flow.preorder).size).toBe(n);
  for (let p = 0; p < n; p++) {
    const i = flow.preorder[p];
    expect(flow.subtreeEnd[p]).toBeGreaterThan(p);
    expect(flow.subtreeEnd[p]).toBeLessThanOrEqual(n);
    expect(flow.indexOf(flow.idAt(i))).toBe(i);
    expect(Number.isFinite(flow.startAt(i))).toBe(true);
    expect(flow.durationAt(i)).toBeGreaterThanOrEqual(0);
  }
  const sum = Object.values(flow.phaseTotals).reduce((a, b) => a + b, 0);
  expect(sum).toBeLessThanOrEqual(flow.durationMs + 1e-6);
  expect(Number.isFinite(flow.durationMs)).toBe(true);
  for (const a of flow.anomalies) {
    expect(typeof a.message).toBe('string');
    expect(a.message.length).toBeGreaterThan(0);
  }
}

describe('bad input never throws', () => {
  it('zero spans: empty frame list, empty frames, not a list', () => {
    for (const input of [[], [rawFrame({ spanID: [], operationName: [] })], null, undefined, 'frames']) {
      const flow = buildTaskFlow(input as unknown as DataFrame[]);
      expect(flow.spanCount).toBe(0);
      expect(flow.roots).toEqual([]);
      expect(flow.durationMs).toBe(0);
      expect(flow.status).toBe('unset');
      expect(flow.anomalies).toEqual([]);
      expect(flow.search('x')).toEqual([]);
      expectConsistent(flow);
    }
  });

  it('garbage frames and non-trace frames are skipped', () => {
    const flow = buildTaskFlow(garbageFrames() as DataFrame[]);
    expect(flow.spanCount).toBe(0);
    expectConsistent(flow);
  });

  it('missing columns get safe defaults (made-up ids, time from the task start, 0 ms)', () => {
    const flow = buildTaskFlow(missingFieldFrames());
    expect(flow.spanCount).toBe(4);
    expect(flow.idAt(flow.preorder[0])).toBeTruthy();
    expect(flow.indexOf('missing-id-1-0')).toBeGreaterThanOrEqual(0);
    expect(flow.nameAt(flow.indexOf('missing-id-1-1'))).toBe('no-id-2');
    expect(flow.span('only-id')).toMatchObject({ name: '', durationMs: 0, statusCode: 0, attributes: [], events: [] });
    expect(flow.phaseOf('no-times')).toBe('finalization');
    expectConsistent(flow);
  });

  it('NaN, Infinity, text numbers and odd cells', () => {
    const flow = buildTaskFlow(badNumberFrames());
    expect(flow.spanCount).toBe(6);
    const text = flow.indexOf('text-numbers');
    expect(flow.durationAt(text)).toBe(7);
    expect(flow.errorAt(text)).toBe(true);
    expect(flow.errorAt(flow.indexOf('negative'))).toBe(true);
    expect(flow.errorAt(flow.indexOf('nan-start'))).toBe(false);
    expect(flow.span('inf-duration')?.attributes).toEqual([{ key: 'step_uuid', value: { nested: true } }]);
    expect(flow.steps).toEqual([]);
    expectConsistent(flow);
  });

  it('reads old-style Vector values (toArray) and typed-array number columns', () => {
    const vector = (values: unknown[]) => ({ toArray: () => values, length: values.length });
    const frame = {
      name: 'Trace',
      length: 2,
      fields: [
        { name: 'traceID', values: vector(['t', 't']) },
        { name: 'spanID', values: vector(['a', 'b']) },
        { name: 'parentSpanID', values: vector(['', 'a']) },
        { name: 'operationName', values: vector(['finalize_task', 'make_finalization_decision']) },
        { name: 'startTime', values: Float64Array.from([1000, 1001]) },
        { name: 'duration', values: Float64Array.from([10, 2]) },
        { name: 'tags', values: vector([[{ key: 'task_uuid', value: 'u' }], []]) },
      ],
    };
    const flow = buildTaskFlow([frame as unknown as DataFrame]);
    expect(flow.roots).toEqual(['a']);
    expect(flow.childrenOf('a')).toEqual(['b']);
    expect(flow.nameAt(flow.indexOf('b'))).toBe('make_finalization_decision');
    expect(flow.span('a')?.attributes).toEqual([{ key: 'task_uuid', value: 'u' }]);
    expect(flow.taskUuid).toBe('u');
    expect(flow.durationMs).toBe(10);
  });

  it('returns an empty flow that says why when a cell cannot even be read', () => {
    const hostile = {
      fields: [
        { name: 'spanID', values: ['a'] },
        {
          name: 'tags',
          values: [
            [
              {
                get key(): string {
                  throw new Error('boom');
                },
              },
            ],
          ],
        },
      ],
    };
    const flow = buildTaskFlow([hostile as unknown as DataFrame]);
    expect(flow.spanCount).toBe(0);
    expect(flow.anomalies).toEqual([
      { kind: 'truncated', spanIds: [], message: 'The spans could not be read (boom); nothing is shown.' },
    ]);
  });

  it('ignores bad options', () => {
    const frames = badNumberFrames();
    const flow = buildTaskFlow(frames, {
      phaseRules: 'nope' as unknown as [],
      maxSpans: -3,
      stepAttribute: 5 as unknown as string,
    });
    expect(flow.spanCount).toBe(6);
    expect(buildTaskFlow(frames, null as unknown as undefined).spanCount).toBe(6);
  });

  it('times whose sum or difference overflows: never an infinite span or task', () => {
    // Found by the property below (fast-check seed -966344121).
    const flow = buildTaskFlow([
      rawFrame({ operationName: [], startTime: [2.9937604643020797e292], duration: [1.7976931348623155e308] }),
    ]);
    expectConsistent(flow);
    expect(flow.durationMs).toBe(0);
    expect(flow.anomalies.map((a) => a.kind)).toContain('negative_duration');
    // Two spans at opposite ends of the number line: a task as long as a number can say, not an infinite one.
    const apart = buildTaskFlow([
      rawFrame({ operationName: ['a', 'b'], spanID: ['x', 'y'], startTime: [-1.7e308, 1.7e308], duration: [1, 1] }),
    ]);
    expectConsistent(apart);
  });

  it('random frames of random cells', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.constantFrom('', 'a', 'b', 'c', '2', 'finalize_task', 'execute_step'),
      fc.double(),
      fc.integer(),
      fc.constant(null),
      fc.constant(undefined),
      fc.boolean(),
      fc.array(
        fc.record({
          key: fc.constantFrom('step_uuid', 'error', 'task_uuid', 'x'),
          value: fc.oneof(fc.string(), fc.boolean(), fc.integer()),
        }),
        {
          maxLength: 3,
        }
      )
    );
    const column = fc.array(cell, { maxLength: 12 });
    const frame = fc.record(
      {
        traceID: column,
        spanID: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', '', 'f'), { maxLength: 12 }),
        parentSpanID: fc.array(fc.constantFrom('a', 'b', 'c', 'd', '', 'zz'), { maxLength: 12 }),
        operationName: column,
        startTime: column,
        duration: column,
        tags: column,
        statusCode: column,
        logs: column,
        serviceTags: column,
      },
      { requiredKeys: [] }
    );
    fc.assert(
      fc.property(fc.array(frame, { maxLength: 4 }), (frames) => {
        const flow = buildTaskFlow(frames.map((columns) => rawFrame(columns)));
        expectConsistent(flow);
        for (let i = 0; i < flow.nodeCount; i++) {
          flow.span(flow.idAt(i));
        }
        flow.search('a');
      }),
      { numRuns: 300 }
    );
  });
});
