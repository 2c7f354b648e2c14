import fc from 'fast-check';
import { goUnquote } from './goUnquote';
import { goQuote } from './goString';
import { escapeRegexLiteral, exactAlternativesRegex } from './regex';
import { GRAFANA_VARIABLE } from './testSupport/literals';
import { traceqlEquals } from './traceqlValue';

describe('goQuote (LogQL, PromQL)', () => {
  it('writes readable escapes for common characters', () => {
    expect(goQuote('a"b\\c\n\r\t')).toBe('"a\\"b\\\\c\\n\\r\\t"');
    expect(goQuote('\0\x1b\x7f')).toBe('"\\x00\\x1b\\x7f"');
    // C1 controls need the code-point escape: Go's \x85 would be a lone byte.
    expect(goQuote('\u0085')).toBe('"\\u0085"');
    expect(goQuote('é😀\u2028')).toBe('"é😀\u2028"');
  });

  it('hides Grafana variable syntax only where it would be read as one', () => {
    expect(goQuote('$a ${b} [[c]] $ 5$ [x]')).toBe('"\\x24a \\x24{b} \\x5b[c]] $ 5$ [x]"');
  });

  it('refuses lone surrogates', () => {
    expect(goQuote('\uDC00')).toBeUndefined();
  });

  it('round-trips any well-formed string through Go unquoting', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (value) => {
        const quoted = goQuote(value)!;
        expect(goUnquote(quoted)).toEqual({ ok: true, value });
        expect(quoted).not.toMatch(GRAFANA_VARIABLE);
        expect(quoted).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      }),
      { numRuns: 500 }
    );
  });
});

describe('regex literals', () => {
  it('escapes every metacharacter', () => {
    expect(escapeRegexLiteral('a.b*c+d?e(f)g|h[i]j{k}l^m$n\\o')).toBe(
      'a\\.b\\*c\\+d\\?e\\(f\\)g\\|h\\[i\\]j\\{k\\}l\\^m\\x24n\\\\o'
    );
    expect(exactAlternativesRegex(['a'])).toBe('^a$');
    expect(exactAlternativesRegex(['a', 'b.c'])).toBe('^(?:a|b\\.c)$');
  });

  it('matches exactly the listed values (JavaScript u-mode as a stand-in for RE2)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 1, maxLength: 4 }),
        fc.string({ unit: 'binary', maxLength: 12 }),
        (values, other) => {
          const re = new RegExp(exactAlternativesRegex(values), 'u');
          for (const v of values) {
            expect(re.test(v)).toBe(true);
          }
          expect(re.test(other)).toBe(values.includes(other));
        }
      ),
      { numRuns: 500 }
    );
  });
});

describe('traceqlEquals', () => {
  it('uses double quotes, then backticks, then an exact regex', () => {
    expect(traceqlEquals('span.x', 'plain')).toBe('span.x = "plain"');
    expect(traceqlEquals('span.x', 'a\nb')).toBe('span.x = `a\nb`');
    expect(traceqlEquals('span.x', 'a\r\nb')).toBe('span.x =~ "^a\\\\x0D\\\\x0Ab$"');
    expect(traceqlEquals('span.x', '$var')).toBe('span.x =~ "^\\\\x24var$"');
    expect(traceqlEquals('span.x', 'price: 5$')).toBe('span.x = "price: 5$"');
    expect(traceqlEquals('span.x', '\uD800')).toBeUndefined();
  });
});
