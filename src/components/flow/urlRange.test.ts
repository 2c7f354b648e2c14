import { rangeFromUrl } from './urlRange';

describe('rangeFromUrl', () => {
  it('defaults to the last 6 hours', () => {
    const r = rangeFromUrl(null, null);
    expect(r.raw).toEqual({ from: 'now-6h', to: 'now' });
    const hours = (r.to.valueOf() - r.from.valueOf()) / 3_600_000;
    expect(hours).toBeCloseTo(6, 1);
  });

  it('reads epoch milliseconds', () => {
    const r = rangeFromUrl('1764133200000', '1764136800000');
    expect(r.from.valueOf()).toBe(1764133200000);
    expect(r.to.valueOf()).toBe(1764136800000);
  });

  it('reads relative times', () => {
    const r = rangeFromUrl('now-1h', 'now');
    expect(r.raw.from).toBe('now-1h');
    expect((r.to.valueOf() - r.from.valueOf()) / 60_000).toBeCloseTo(60, 0);
  });

  it('falls back on garbage and swaps a reversed range', () => {
    expect(rangeFromUrl('<script>', 'now').raw.from).toBe('now-6h');
    const r = rangeFromUrl('1764136800000', '1764133200000');
    expect(r.from.valueOf()).toBeLessThan(r.to.valueOf());
  });
});
