// Regex text that matches a literal value exactly, written in the subset where RE2 (Tempo, Loki, Prometheus) and
// JavaScript's `u`-mode RegExp agree, so tests can check with JavaScript what Tempo and Loki will match.

const META = new Set(['\\', '.', '+', '*', '?', '(', ')', '|', '[', ']', '{', '}', '^']);

function hex2(codePoint: number): string {
  return codePoint.toString(16).toUpperCase().padStart(2, '0');
}

/**
 * Escapes a literal for use inside a regex. `$` becomes `\x24` rather than `\$` because Grafana would still read
 * `\$name` as a template variable; control characters become `\xHH` so the regex text holds no raw newline or NUL.
 */
export function escapeRegexLiteral(value: string): string {
  let out = '';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (META.has(ch)) {
      out += `\\${ch}`;
    } else if (ch === '$' || cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
      out += `\\x${hex2(cp)}`;
    } else {
      out += ch;
    }
  }
  return out;
}

/** A regex that matches exactly one of the values and nothing else (anchored, so it means the same in every engine). */
export function exactAlternativesRegex(values: readonly string[]): string {
  const body = values.map(escapeRegexLiteral).join('|');
  return values.length === 1 ? `^${body}$` : `^(?:${body})$`;
}
