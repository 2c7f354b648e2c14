// A model of how Tempo and Loki read a string literal: Go's text/scanner (no raw newline inside double quotes, no NUL
// anywhere) followed by strconv.Unquote. Written independently of the encoders so tests can hold them to it.

export type GoUnquoteResult = { ok: true; value: string } | { ok: false; reason: string };

const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

function fail(reason: string): GoUnquoteResult {
  return { ok: false, reason };
}

/** Decodes a UTF-8 byte sequence strictly; undefined when invalid (Go would reject or replace it). */
function decodeUtf8(bytes: number[]): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
}

export function goUnquote(literal: string): GoUnquoteResult {
  if (literal.includes('\0')) {
    return fail('raw NUL');
  }
  if (literal.length < 2) {
    return fail('too short');
  }
  const quote = literal[0];
  if (literal[literal.length - 1] !== quote) {
    return fail('unterminated');
  }
  const body = literal.slice(1, -1);
  if (quote === '`') {
    // Raw strings: anything but a backtick; Go drops carriage returns.
    return body.includes('`') ? fail('backtick inside raw string') : { ok: true, value: body.replace(/\r/g, '') };
  }
  if (quote !== '"') {
    return fail('not a string literal');
  }
  // Escapes may produce raw bytes (\x, octal), so collect UTF-8 bytes and decode at the end.
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  const pushText = (text: string) => bytes.push(...encoder.encode(text));
  const chars = Array.from(body);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '\n') {
      return fail('raw newline in double quotes');
    }
    if (ch === '"') {
      return fail('unescaped quote');
    }
    if (ch !== '\\') {
      pushText(ch);
      continue;
    }
    const e = chars[++i];
    if (e === undefined) {
      return fail('dangling backslash');
    }
    if (SIMPLE[e] !== undefined) {
      pushText(SIMPLE[e]);
    } else if (e === '"') {
      pushText('"');
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const digits = chars.slice(i + 1, i + 1 + n).join('');
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(digits)) {
        return fail(`bad \\${e} escape`);
      }
      i += n;
      const value = parseInt(digits, 16);
      if (e === 'x') {
        bytes.push(value);
      } else if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
        return fail('escape is not a Unicode scalar value');
      } else {
        pushText(String.fromCodePoint(value));
      }
    } else if (e >= '0' && e <= '7') {
      const digits = chars.slice(i, i + 3).join('');
      if (!/^[0-7]{3}$/.test(digits) || parseInt(digits, 8) > 255) {
        return fail('bad octal escape');
      }
      i += 2;
      bytes.push(parseInt(digits, 8));
    } else {
      return fail(`unknown escape \\${e}`);
    }
  }
  const value = decodeUtf8(bytes);
  return value === undefined ? fail('invalid UTF-8') : { ok: true, value };
}
