// TraceQL attribute references (`span.x`, `resource.x`, `.x`) from configured keys.
import { InvalidQuerySettingError } from './errors';
import { hasTemplateVariableShape } from './templateVariables';
import { traceqlDoubleQuote } from './traceqlValue';
import type { AttributeRef } from './types';
import { isWellFormedUnicode } from './unicode';

const SCOPE_PREFIX = { span: 'span.', resource: 'resource.', any: '.' } as const;
/** Dotted identifiers read the same in Tempo and Grafana's grammar; anything else is quoted. */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
/**
 * A name that starts with a scope word is read as a scope by Grafana's grammar, whatever follows: `.span.x`, and
 * also `span.span_id` or `.resourcex` (its lexer takes the longest keyword prefix). Such names are quoted.
 */
const SCOPE_WORD = /^(span|resource|event|link|instrumentation|parent|trace)/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Formats an attribute reference; `setting` names it in errors (e.g. `attributes.namespace`). */
export function formatTraceqlAttribute(ref: AttributeRef, setting: string): string {
  const prefix = SCOPE_PREFIX[ref.scope];
  if (prefix === undefined) {
    throw new InvalidQuerySettingError(`${setting}.scope`, "'span', 'resource' or 'any'", ref.scope);
  }
  const key = ref.key;
  if (typeof key !== 'string' || key.trim() === '') {
    throw new InvalidQuerySettingError(`${setting}.key`, 'a non-empty attribute name', key);
  }
  if (PLAIN_KEY.test(key) && !SCOPE_WORD.test(key)) {
    return prefix + key;
  }
  // Quoted attribute names allow only `\\` and `\"` escapes, so characters that need others cannot be carried.
  if (CONTROL.test(key) || !isWellFormedUnicode(key) || hasTemplateVariableShape(key)) {
    throw new InvalidQuerySettingError(
      `${setting}.key`,
      'an attribute name without control characters or Grafana variable syntax ($name, [[name]])',
      key
    );
  }
  return prefix + traceqlDoubleQuote(key);
}
