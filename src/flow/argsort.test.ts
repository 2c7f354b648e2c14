import fc from 'fast-check';

import { argsort } from './argsort';

const reference = (values: number[]) => values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);

describe('argsort', () => {
  it('orders indices by value, ties by index', () => {
    expect(Array.from(argsort(Float64Array.from([3, 1, 2, 1])))).toEqual([1, 3, 2, 0]);
    expect(Array.from(argsort(new Float64Array(0)))).toEqual([]);
  });

  it('matches a comparator sort, including values closer than its quantum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e13, max: 1e13, noNaN: true }), fc.constantFrom(1e12, 1e12 + 1e-6, 0)), {
          maxLength: 300,
        }),
        (values) => {
          expect(Array.from(argsort(Float64Array.from(values)))).toEqual(reference(values));
        }
      )
    );
  });

  it('handles ranges too small or too large to quantise, and an outlier that crowds one quantum', () => {
    for (const values of [
      [0, 0, 5e-324],
      [1e308, -1e308, 0],
      [1e15, ...Array.from({ length: 2000 }, (_, i) => ((i * 7919) % 1000) / 1e6)],
    ]) {
      expect(Array.from(argsort(Float64Array.from(values)))).toEqual(reference(values));
    }
  });

  it('sorts only the first `count` values when asked', () => {
    expect(Array.from(argsort(Float64Array.from([5, 4, 3, 2, 1]), 3))).toEqual([2, 1, 0]);
  });
});
