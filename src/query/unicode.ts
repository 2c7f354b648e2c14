// JavaScript strings may hold lone UTF-16 surrogates; Tempo and Loki read UTF-8 and would see U+FFFD instead.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isWellFormedUnicode(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}
