import fc from 'fast-check';
import { goUnquote } from './goUnquote';
import { traceqlQuotedAttributeNames, traceqlSyntaxIssues } from './grammar';
import { nastyText } from './testSupport/arbitraries';
import { GRAFANA_VARIABLE, soleMatchOfAnchoredLiteral, traceqlValueTokens } from './testSupport/literals';
import { buildTaskListTraceQL, buildTraceQL } from './traceql';
import type { TaskFilter } from './types';

const RUNS = { numRuns: 400 };

/** What Tempo compares the attribute with: the decoded literal for `=`, the one string an `=~` regex accepts. */
function valuesTempoMatches(query: string, attribute: string): string[] {
  return traceqlValueTokens(query, attribute).map((token) => {
    const decoded = goUnquote(token.raw);
    if (!decoded.ok) {
      throw new Error(`Tempo would reject ${token.raw}: ${decoded.reason}`);
    }
    if (token.op === '=') {
      return decoded.value;
    }
    const sole = soleMatchOfAnchoredLiteral(decoded.value);
    if (sole === undefined) {
      throw new Error(`regex ${decoded.value} is not an anchored literal`);
    }
    // Cross-check with a real regex engine (the escapes used are valid in both RE2 and JavaScript's u mode);
    // V8 refuses very large patterns, which the literal proof above covers anyway.
    if (decoded.value.length < 10000) {
      expect(new RegExp(decoded.value, 'u').test(sole)).toBe(true);
    }
    return sole;
  });
}

function expectSafe(query: string): void {
  expect(traceqlSyntaxIssues(query)).toEqual([]);
  expect(query).not.toMatch(GRAFANA_VARIABLE);
}

describe('TraceQL builder with arbitrary user values', () => {
  it.each([
    ['taskName', 'span.task_name'],
    ['stepName', 'span.step_name'],
  ] as const)('%s: parses, and Tempo reads back exactly the value', (field, attribute) => {
    fc.assert(
      fc.property(nastyText, (value) => {
        const query = buildTraceQL({ [field]: value } as TaskFilter);
        expectSafe(query);
        expect(valuesTempoMatches(query, attribute)).toEqual([value]);
      }),
      RUNS
    );
  });

  it('namespace and service lists: every value read back exactly, in order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(nastyText, { minLength: 1, maxLength: 4 }),
        fc.uniqueArray(nastyText, { minLength: 1, maxLength: 3 }),
        (namespace, services) => {
          const query = buildTaskListTraceQL({ namespace, services, status: 'error', minDuration: '1ms' });
          expectSafe(query);
          expect(valuesTempoMatches(query, '.namespace')).toEqual(namespace);
          expect(valuesTempoMatches(query, 'resource.service.name')).toEqual(services);
        }
      ),
      RUNS
    );
  });

  it.each([
    ['double quotes', '"}|\\ || span.x = "'],
    ['backticks', '"}|\n'],
    ['a regex', '"}|`\n$x'],
  ])('keeps a very long value intact (%s)', (_form, piece) => {
    const value = piece.repeat(10000);
    const query = buildTraceQL({ taskName: value });
    expect(traceqlSyntaxIssues(query)).toEqual([]);
    expect(valuesTempoMatches(query, 'span.task_name')).toEqual([value]);
  });

  it('configured attribute names with any characters are quoted and read back exactly', () => {
    const key = fc
      .string({ unit: 'binary', minLength: 1, maxLength: 20 })
      // Control characters and variable syntax are rejected as settings (tested elsewhere).
      .filter((k) => k.trim() !== '' && !/[\u0000-\u001f\u007f-\u009f]|\$[\w{]|\[\[/.test(k));
    // Names that start with a scope word (Grafana's lexer takes them for a scope) are rare in random text: add them.
    const scopeLike = fc.constantFrom('span_id', 'spans', 'resourcex', 'event_name', 'linked', 'parent_id', 'trace_id');
    fc.assert(
      fc.property(
        fc.oneof(key, scopeLike),
        fc.constantFrom('span', 'resource', 'any') as fc.Arbitrary<'span' | 'resource' | 'any'>,
        (k, scope) => {
          const settings = { attributes: { taskName: { scope, key: k } } } as never;
          const query = buildTraceQL({ taskName: 'x' }, settings);
          expectSafe(query);
          const quoted = traceqlQuotedAttributeNames(query);
          if (quoted.length > 0) {
            // Tempo reads quoted names with only \\ and \" escapes: the same as Go for such text.
            expect(quoted).toHaveLength(1);
            expect(goUnquote(quoted[0])).toEqual({ ok: true, value: k });
          } else {
            expect(query).toContain(`${scope === 'any' ? '' : scope}.${k} = "x"`);
          }
        }
      ),
      RUNS
    );
  });
});
