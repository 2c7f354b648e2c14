// Test helpers: find the literal a builder wrote for a value and read it back the way Tempo/Loki/RE2 would.
import { logqlStrings, traceqlStrings, type StringToken } from '../grammar';

/** String tokens of a TraceQL query that follow `<attribute> = ` or `<attribute> =~ `. */
export function traceqlValueTokens(query: string, attribute: string): Array<StringToken & { op: '=' | '=~' }> {
  const out: Array<StringToken & { op: '=' | '=~' }> = [];
  for (const token of traceqlStrings(query)) {
    const before = query.slice(0, token.from);
    if (before.endsWith(`${attribute} = `)) {
      out.push({ ...token, op: '=' });
    } else if (before.endsWith(`${attribute} =~ `)) {
      out.push({ ...token, op: '=~' });
    }
  }
  return out;
}

/** String tokens of a LogQL query that follow `<prefix>` (e.g. `namespace=`, `|= `, `|~ `). */
export function logqlTokensAfter(query: string, prefix: string): StringToken[] {
  return logqlStrings(query).filter((t) => query.slice(0, t.from).endsWith(prefix));
}

const META = '\\.+*?()|[]{}^$';

/** Reads one escaped literal (plain characters, `\` + metacharacter, `\xHH`); undefined if anything else is there. */
function readLiteral(chars: string[]): string | undefined {
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '\\') {
      const next = chars[i + 1];
      const hex = chars.slice(i + 2, i + 4).join('');
      if (next === 'x' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
        out += String.fromCodePoint(parseInt(hex, 16));
        i += 3;
      } else if (next !== undefined && META.includes(next)) {
        out += next;
        i += 1;
      } else {
        return undefined;
      }
    } else if (META.includes(ch)) {
      return undefined;
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * If `regex` is `^literal$` or `^(?:literal|literal...)$` made only of literal atoms, returns the strings it matches
 * (one per alternative); otherwise undefined. This proves a regex matches exactly those values and nothing else.
 */
export function anchoredLiteralAlternatives(regex: string): string[] | undefined {
  let body: string;
  if (regex.startsWith('^(?:') && regex.endsWith(')$')) {
    body = regex.slice(4, -2);
  } else if (regex.startsWith('^') && regex.endsWith('$')) {
    body = regex.slice(1, -1);
  } else {
    return undefined;
  }
  // Split on `|` that is not escaped (an escaped one is `\|`, and `\\` is an escaped backslash).
  const parts: string[][] = [[]];
  const chars = Array.from(body);
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '\\' && i + 1 < chars.length) {
      parts[parts.length - 1].push(chars[i], chars[i + 1]);
      i += 1;
    } else if (chars[i] === '|') {
      parts.push([]);
    } else {
      parts[parts.length - 1].push(chars[i]);
    }
  }
  const values = parts.map(readLiteral);
  return values.every((v): v is string => v !== undefined) ? values : undefined;
}

/** The one string an anchored single-literal regex matches, or undefined. */
export function soleMatchOfAnchoredLiteral(regex: string): string | undefined {
  const values = anchoredLiteralAlternatives(regex);
  return values?.length === 1 ? values[0] : undefined;
}

/** Grafana's template-variable syntax, as its template service matches it. */
export const GRAFANA_VARIABLE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\${(\w+)(?:\.([^:^}]+))?(?::([^}]+))?}/;
