import fc from 'fast-check';
import { goUnquote } from './goUnquote';
import { logqlSyntaxIssues } from './grammar';
import { buildLogQL } from './logql';
import { nastyText } from './testSupport/arbitraries';
import { anchoredLiteralAlternatives, GRAFANA_VARIABLE, logqlTokensAfter } from './testSupport/literals';
import type { LogMode } from './types';

const RUNS = { numRuns: 250 };
const LABEL_MODES: LogMode[] = ['structured-metadata', 'logfmt', 'json'];

/** What Loki reads from each string literal that follows `prefix`. */
function decodedAfter(query: string, prefix: string): string[] {
  return logqlTokensAfter(query, prefix).map((token) => {
    const decoded = goUnquote(token.raw);
    if (!decoded.ok) {
      throw new Error(`Loki would reject ${token.raw}: ${decoded.reason}`);
    }
    return decoded.value;
  });
}

function expectSafe(query: string): void {
  expect(logqlSyntaxIssues(query)).toEqual([]);
  expect(query).not.toMatch(GRAFANA_VARIABLE);
}

describe('LogQL builder with arbitrary user values', () => {
  it.each(LABEL_MODES)('%s: label filters and line filter read back exactly', (logMode) => {
    fc.assert(
      fc.property(
        fc.uniqueArray(nastyText, { minLength: 1, maxLength: 3 }),
        nastyText,
        nastyText,
        nastyText,
        (namespace, taskName, stepName, text) => {
          const query = buildLogQL({ namespace, taskName, stepName, text }, { logMode });
          expectSafe(query);
          expect(decodedAfter(query, 'namespace=')).toEqual(namespace);
          expect(decodedAfter(query, 'task_name=')).toEqual([taskName]);
          expect(decodedAfter(query, 'step_name=')).toEqual([stepName]);
          expect(decodedAfter(query, '|= ')[0]).toBe(text);
        }
      ),
      RUNS
    );
  });

  it('services: one exact matcher, or a regex matching exactly the listed names', () => {
    fc.assert(
      fc.property(fc.uniqueArray(nastyText, { minLength: 1, maxLength: 4 }), (services) => {
        const query = buildLogQL({ services });
        expectSafe(query);
        if (services.length === 1) {
          expect(decodedAfter(query, '{service_name=')).toEqual(services);
        } else {
          const [regex] = decodedAfter(query, '{service_name=~');
          expect(anchoredLiteralAlternatives(regex)).toEqual(services);
        }
      }),
      RUNS
    );
  });

  it('level: a case-insensitive regex of exactly the (trimmed) level', () => {
    fc.assert(
      fc.property(nastyText, (level) => {
        const query = buildLogQL({ level });
        expectSafe(query);
        const [regex] = decodedAfter(query, 'detected_level=~');
        expect(regex.startsWith('(?i)')).toBe(true);
        expect(anchoredLiteralAlternatives(regex.slice(4))).toEqual([level.trim()]);
      }),
      RUNS
    );
  });

  it('line-filter mode: the field regex finds key=value in a tracing line and nothing longer', () => {
    fc.assert(
      fc.property(nastyText, (taskName) => {
        // Values with whitespace or braces cannot be delimited in tracing's plain format; the regex still parses.
        const query = buildLogQL({ taskName }, { logMode: 'line-filter' });
        expectSafe(query);
        const [pattern] = decodedAfter(query, '|~ ');
        if (pattern.length > 10000) {
          return;
        }
        const regex = new RegExp(pattern, 'u');
        const line = (v: string) =>
          `2026-01-01T00:00:00Z  INFO worker.step_execution{ task_name=${v} namespace=a }: started`;
        expect(regex.test(line(taskName))).toBe(true);
        expect(regex.test(line(`"${taskName}"`))).toBe(true);
        expect(regex.test(line(`${taskName}x`))).toBe(false);
        expect(regex.test(line(`x${taskName}`))).toBe(false);
        expect(regex.test(`x{ parent_task_name=${taskName} }`)).toBe(false);
      }),
      RUNS
    );
  });

  it('keeps a very long value intact', () => {
    const value = '"}|`\n$x\\'.repeat(20000);
    const query = buildLogQL({ taskName: value, text: value });
    expect(logqlSyntaxIssues(query)).toEqual([]);
    expect(decodedAfter(query, 'task_name=')).toEqual([value]);
    expect(decodedAfter(query, '|= ')).toEqual([value]);
  });
});
