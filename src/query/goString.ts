// Go double-quoted string literals for LogQL and PromQL (Loki and Prometheus read them with Go's unquoting rules).
import { isWellFormedUnicode } from './unicode';

const SHORT_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * Quotes any well-formed string so that Go's `strconv.Unquote` returns it unchanged and the literal holds no raw
 * control character. A `$` before a word character or `{` is written `\x24`, and the first `[` of `[[` as `\x5b`, so
 * Grafana never sees a template variable in user text. Returns undefined for a string with a lone surrogate (not representable in UTF-8).
 */
export function goQuote(value: string): string | undefined {
  if (!isWellFormedUnicode(value)) {
    return undefined;
  }
  let out = '"';
  const chars = Array.from(value);
  chars.forEach((ch, i) => {
    const cp = ch.codePointAt(0)!;
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) {
      out += short;
    } else if (cp < 0x20 || cp === 0x7f) {
      out += `\\x${cp.toString(16).padStart(2, '0')}`;
    } else if (cp >= 0x80 && cp <= 0x9f) {
      // `\xHH` would be a raw byte in Go; C1 controls need the code-point form.
      out += `\\u${cp.toString(16).padStart(4, '0')}`;
    } else if ((ch === '$' && /^[A-Za-z0-9_{]$/.test(chars[i + 1] ?? '')) || (ch === '[' && chars[i + 1] === '[')) {
      out += `\\x${cp.toString(16)}`;
    } else {
      out += ch;
    }
  });
  return out + '"';
}
