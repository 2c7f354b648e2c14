// fast-check arbitraries for user values that try to break out of a query string.
import fc from 'fast-check';

/** Pieces that end strings, open syntax, trigger Grafana interpolation, or need escapes. */
const NASTY_PIECES = [
  '"',
  '\\',
  '`',
  "'",
  '\n',
  '\r',
  '\t',
  '\0',
  '}',
  '{',
  '|',
  '||',
  '&&',
  ')',
  '$',
  '${a}',
  '$__from',
  '$var',
  '[[a]]',
  '[',
  '.*',
  '+?',
  '^',
  '(?i)',
  '\\n',
  '\\x24',
  '\u0085',
  '\u007f',
  '\u2028',
  '\ufeff',
  'é',
  '😀',
  ' ',
  'a',
  'Z',
  '0',
  '} | select(span.x)',
  '" || span.x = "',
  '"} or {x="',
];

/** Arbitrary unicode strings mixed with the pieces above; never blank (blank means "unset"). */
export const nastyText: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
    fc.array(fc.constantFrom(...NASTY_PIECES), { minLength: 1, maxLength: 12 }).map((parts) => parts.join('')),
    fc
      .tuple(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom(...NASTY_PIECES), fc.string({ maxLength: 8 }))
      .map((parts) => parts.join(''))
  )
  .filter((s) => s.trim() !== '');
