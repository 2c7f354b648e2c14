import { IdUnion } from './idUnion';

describe('IdUnion', () => {
  it('joins ids linked directly or through others, and keeps the rest apart', () => {
    const u = new IdUnion();
    u.union('t:1', 'c:a');
    u.union('s:x', 'c:a');
    u.union('t:2', 'c:b');
    expect(u.find('s:x')).toBe(u.find('t:1'));
    expect(u.find('t:2')).toBe(u.find('c:b'));
    expect(u.find('t:2')).not.toBe(u.find('t:1'));
    expect(u.find('lonely')).toBe('lonely');
  });

  it('holds on long chains', () => {
    const u = new IdUnion();
    for (let i = 1; i < 10_000; i++) {
      u.union(`n${i - 1}`, `n${i}`);
    }
    expect(u.find('n9999')).toBe(u.find('n0'));
  });
});
