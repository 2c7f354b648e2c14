import { goUnquote } from './goUnquote';

// Expectations follow Go's documented strconv.Unquote and text/scanner behaviour.
describe('goUnquote (model of Tempo/Loki string reading)', () => {
  it.each([
    ['"plain"', 'plain'],
    ['"a\\"b\\\\c"', 'a"b\\c'],
    ['"\\n\\t\\r\\a\\b\\f\\v"', '\n\t\r\x07\b\f\v'],
    ['"\\x41\\u00e9\\U0001F600"', 'Aé😀'],
    ['"\\101"', 'A'],
    ['"\\xc3\\xa9"', 'é'],
    ['"raw\ttab"', 'raw\ttab'],
    ['`raw\nnewline`', 'raw\nnewline'],
    ['`carriage\r\nreturn`', 'carriage\nreturn'],
    ['`back\\slash`', 'back\\slash'],
  ])('reads %j', (literal, value) => {
    expect(goUnquote(literal)).toEqual({ ok: true, value });
  });

  it.each([
    ['"new\nline"', 'raw newline'],
    ['"nul\0"', 'NUL'],
    ['`nul\0`', 'NUL'],
    ['"bad \\q"', 'unknown escape'],
    ['"\\x4"', '\\x'],
    ['"\\xff"', 'UTF-8'],
    ['"\\ud800"', 'scalar'],
    ['"a"b"', 'unescaped quote'],
    ['"open', 'unterminated'],
    ["'c'", 'not a string'],
  ])('rejects %j', (literal, reason) => {
    const result = goUnquote(literal);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });
});
