import { formatMs } from './formatMs';

describe('formatMs', () => {
  it.each([
    [0, '0 ms'],
    [0.5, '0.500 ms'],
    [0.0004, '0.000400 ms'],
    [9.87, '9.87 ms'],
    [12.345, '12.3 ms'],
    [340, '340 ms'],
    [999.4, '999 ms'],
    [999.6, '1 s'],
    [1000, '1 s'],
    [1250, '1.25 s'],
    [2500, '2.50 s'],
    [59_999, '1 min'],
    [125_000, '2.08 min'],
    [5_400_000, '1.50 h'],
    [90_000_000, '1.04 d'],
    [1e12, '11574 d'],
    [-1500, '-1.50 s'],
  ])('%p ms reads %p', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });

  it('takes fixed decimals', () => {
    expect(formatMs(1250, 1)).toBe('1.3 s');
    expect(formatMs(340, 1)).toBe('340.0 ms');
    expect(formatMs(999.96, 1)).toBe('1.0 s');
  });

  it('shows a dash for what is missing or not a number', () => {
    expect(formatMs(undefined)).toBe('—');
    expect(formatMs(NaN)).toBe('—');
    expect(formatMs(-Infinity)).toBe('—');
  });
});
