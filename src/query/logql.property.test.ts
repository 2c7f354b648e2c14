import fc from 'fast-check';
import { goUnquote } from './goUnquote';
import { logqlSyntaxIssues } from './grammar';
import { buildLogQL, buildStepLogsLogQL, buildTaskLogsLogQL, LOG_IDS_PER_QUERY } from './logql';
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

const hexDigits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n });
const uuid = fc
  .tuple(hexDigits(8), hexDigits(4), hexDigits(4), hexDigits(4), hexDigits(12))
  .map((parts) => parts.join('-'));
const traceId = hexDigits(32);
const spanId = hexDigits(16);
/** How tracing may record an id-holding field: Display, Debug of a String, Debug of an Option<Uuid>/Option<String>. */
const forms = (id: string) => [id, `"${id}"`, `Some(${id})`, `Some("${id}")`];

describe('LogQL of a task or a step, for arbitrary id sets', () => {
  it.each(['structured-metadata', 'line-filter'] as LogMode[])(
    '%s: every query parses; each id is asked for once, in every form tracing writes it, and nothing else',
    (logMode) => {
      fc.assert(
        fc.property(
          fc.uniqueArray(uuid, { maxLength: 3 }),
          fc.uniqueArray(uuid, { maxLength: 60 }),
          fc.uniqueArray(traceId, { maxLength: 90 }),
          uuid,
          (correlationIds, stepUuids, traceIds, other) => {
            fc.pre(correlationIds.length + stepUuids.length + traceIds.length > 0);
            const queries = buildTaskLogsLogQL({ correlationIds, stepUuids, traceIds }, { logMode });
            const metadataQueries = queries.filter((q) => !q.includes('|~ '));
            const found = { correlation: [] as string[], step: [] as string[], trace: [] as string[] };
            for (const q of queries) {
              expectSafe(q);
              const ids = new Set(
                q.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32}/g)
              );
              expect(ids.size).toBeLessThanOrEqual(LOG_IDS_PER_QUERY);
            }
            for (const q of metadataQueries) {
              for (const [key, list] of [
                ['correlation_id=~', found.correlation],
                ['step_uuid=~', found.step],
              ] as const) {
                for (const pattern of decodedAfter(q, key)) {
                  const re = new RegExp(pattern, 'u');
                  const mine = [...correlationIds, ...stepUuids].filter((id) => re.test(id));
                  for (const id of mine) {
                    expect(forms(id).every((v) => re.test(v))).toBe(true);
                    expect([`Some(${id}`, `${id}"`, `x${id}`, `Some(Some(${id}))`].some((v) => re.test(v))).toBe(false);
                  }
                  expect(forms(other).some((v) => re.test(v)) && !mine.includes(other)).toBe(false);
                  list.push(...mine);
                }
              }
              found.trace.push(...decodedAfter(q, 'trace_id='));
              for (const pattern of decodedAfter(q, 'trace_id=~')) {
                found.trace.push(...(anchoredLiteralAlternatives(pattern) ?? ['not a literal alternation']));
              }
            }
            expect(found.correlation.sort()).toEqual([...correlationIds].sort());
            expect(found.step.sort()).toEqual([...stepUuids].sort());
            expect(found.trace.sort()).toEqual([...traceIds].sort());
            if (logMode === 'line-filter') {
              const texts = queries.flatMap((q) => decodedAfter(q, '|~ ')).flatMap((p) => p.split('|'));
              expect(texts.sort()).toEqual([...correlationIds, ...stepUuids, ...traceIds].sort());
            }
          }
        ),
        { numRuns: 100 }
      );
    }
  );

  it('a step: its span ids only with their own trace id, or its step_uuid', () => {
    fc.assert(
      fc.property(uuid, fc.array(fc.tuple(traceId, spanId), { maxLength: 8 }), (stepUuid, pairs) => {
        const spans = pairs.map(([t, sp]) => ({ traceId: t, spanId: sp }));
        const [q] = buildStepLogsLogQL({ stepUuid, spans });
        expectSafe(q);
        for (const { traceId: t, spanId: sp } of spans) {
          expect(q).toContain(`trace_id="${t}" and span_id`);
          expect(q.includes(`"${sp}"`) || q.includes(sp + '|') || q.includes('|' + sp)).toBe(true);
        }
        const [step] = decodedAfter(q, 'step_uuid=~');
        expect(forms(stepUuid).every((v) => new RegExp(step, 'u').test(v))).toBe(true);
      }),
      RUNS
    );
  });
});
