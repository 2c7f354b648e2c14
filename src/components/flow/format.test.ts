import { formatMs, valueToText } from './format';

describe('formatMs', () => {
  it('formats milliseconds with Grafana units', () => {
    expect(formatMs(0)).toBe('0 ms');
    expect(formatMs(340)).toBe('340 ms');
    expect(formatMs(1250)).toBe('1.25 s');
    expect(formatMs(0.5)).toBe('0.500 ms');
  });
  it('shows a dash for what is missing or not a number', () => {
    expect(formatMs(undefined)).toBe('—');
    expect(formatMs(NaN)).toBe('—');
    expect(formatMs(Infinity)).toBe('—');
  });
});

describe('valueToText', () => {
  it('turns any attribute value into plain text', () => {
    expect(valueToText('<b>x</b>')).toBe('<b>x</b>');
    expect(valueToText(3)).toBe('3');
    expect(valueToText(true)).toBe('true');
    expect(valueToText(null)).toBe('');
    expect(valueToText({ a: [1, '2'] })).toBe('{"a":[1,"2"]}');
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(valueToText(cyclic)).toBe('[object Object]');
  });
});
