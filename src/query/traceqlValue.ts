// Equality of an attribute and a user value in TraceQL, written so that Tempo's lexer (Go text/scanner +
// strconv.Unquote) and Grafana's TraceQL grammar both read exactly the value.
import { exactAlternativesRegex } from './regex';
import { hasTemplateVariableShape } from './templateVariables';
import { isWellFormedUnicode } from './unicode';

/** `\\` and `\"` are the only escapes both Tempo and Grafana's grammar accept inside double quotes. */
export function traceqlDoubleQuote(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * `attribute = "value"` when a plain literal can carry the value:
 * - double quotes (`\\`, `\"` escapes) when it has no newline (Tempo rejects a raw newline there);
 * - backticks when it has a newline but no backtick and no carriage return (Go drops `\r` from raw strings).
 * Otherwise, and for NUL (Tempo's lexer rejects it anywhere) or text Grafana would read as a template variable,
 * `attribute =~ "^…$"` with every special character escaped: the regex matches exactly the value.
 * Returns undefined when the value is not well-formed Unicode.
 */
export function traceqlEquals(attribute: string, value: string): string | undefined {
  if (!isWellFormedUnicode(value)) {
    return undefined;
  }
  const plain = !value.includes('\0') && !hasTemplateVariableShape(value);
  if (plain && !value.includes('\n')) {
    return `${attribute} = ${traceqlDoubleQuote(value)}`;
  }
  if (plain && !value.includes('`') && !value.includes('\r')) {
    return `${attribute} = \`${value}\``;
  }
  return `${attribute} =~ ${traceqlDoubleQuote(exactAlternativesRegex([value]))}`;
}
