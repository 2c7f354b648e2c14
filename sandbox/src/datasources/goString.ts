/** Decodes a Go string literal as Tempo and Loki read it (strconv.Unquote): "…" with escapes, or `raw`. */
export function goUnquote(literal: string): string {
  if (literal.startsWith('`')) {
    if (!literal.endsWith('`') || literal.length < 2) {
      throw new Error(`unterminated raw string ${literal}`);
    }
    return literal.slice(1, -1);
  }
  if (!literal.startsWith('"') || !literal.endsWith('"') || literal.length < 2) {
    throw new Error(`not a string literal: ${literal}`);
  }
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\n') {
      throw new Error('newline in string');
    }
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
      '\\': '\\',
      '"': '"',
      "'": "'",
    };
    if (e in simple) {
      out += simple[e];
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) {
        throw new Error(`bad \\${e} escape`);
      }
      out += String.fromCodePoint(parseInt(hex, 16));
      i += len;
    } else if (e !== undefined && e >= '0' && e <= '7') {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) {
        throw new Error('bad octal escape');
      }
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else {
      throw new Error(`unknown escape \\${e ?? ''}`);
    }
  }
  return out;
}

/** RE2 pattern → anchored JS RegExp. Leading (?i)/(?s) flags become JS flags; the rest of RE2 syntax maps as is. */
export function re2ToRegExp(pattern: string, anchored: boolean): RegExp {
  let src = pattern;
  let flags = '';
  const m = /^\(\?([imsU]+)\)/.exec(src);
  if (m) {
    flags = m[1].replace(/[mU]/g, '');
    src = src.slice(m[0].length);
  }
  try {
    return new RegExp(anchored ? `^(?:${src})$` : src, flags);
  } catch (e) {
    throw new Error(`invalid regex ${JSON.stringify(pattern)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Go duration ("1h2m", "250ms", "1.5s") → nanoseconds. */
export function parseGoDuration(text: string): number {
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    total += parseFloat(m[1]) * UNIT_NS[m[2]];
    pos = re.lastIndex;
  }
  if (pos !== text.length || pos === 0) {
    throw new Error(`invalid duration ${text}`);
  }
  return total;
}
