import { formatDurationNs, parseDurationNs } from './duration';

const n = (x: number) => BigInt(x);

describe('durations', () => {
  it.each([
    ['250ms', n(250e6)],
    ['1.5s', n(1.5e9)],
    ['2m', n(120e9)],
    ['1h30m', n(5400e9)],
    ['.5s', n(0.5e9)],
    ['500us', n(500e3)],
    ['500µs', n(500e3)],
    ['7ns', n(7)],
    [' 3s ', n(3e9)],
    ['0s', n(0)],
  ])('parses %j', (text, ns) => {
    expect(parseDurationNs(text)).toBe(ns);
  });

  it.each(['', '5', '5 s', '1d', '-1s', '1.5ns', 's', '1s2', 'abc', '1e3ms'])('rejects %j', (text) => {
    expect(parseDurationNs(text)).toBeUndefined();
  });

  it.each([
    [n(5400e9), '90m'],
    [n(1.5e9), '1500ms'],
    [n(3600e9), '1h'],
    [n(7), '7ns'],
    [n(0), '0s'],
  ])('formats %s ns as %s', (ns, text) => {
    expect(formatDurationNs(ns)).toBe(text);
  });

  it('round-trips exactly', () => {
    for (const text of ['1h30m', '1.25s', '999us', '1h0m0.000000001s']) {
      const ns = parseDurationNs(text)!;
      expect(parseDurationNs(formatDurationNs(ns))).toBe(ns);
    }
  });
});
