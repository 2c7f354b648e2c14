import fc from 'fast-check';
import { goUnquote } from './goUnquote';
import { traceqlSyntaxIssues } from './grammar';
import { nastyText } from './testSupport/arbitraries';
import { GRAFANA_VARIABLE, soleMatchOfAnchoredLiteral, traceqlValueTokens } from './testSupport/literals';
import { buildStepHistoryCountTraceQL, buildStepHistoryQuantilesTraceQL } from './traceqlMetrics';

const SPANS = '{resource.service.name =~ "^tasker-.+$" && .namespace = "linear_workflow" && name = "execute_step"';

describe('step history metrics', () => {
  it('quantiles of successful step executions per step name', () => {
    expect(buildStepHistoryQuantilesTraceQL({ namespace: 'linear_workflow', spanNames: ['execute_step'] })).toBe(
      `${SPANS} && span.step_name != nil && status != error} | quantile_over_time(duration, 0.5, 0.95) by (span.step_name)`
    );
  });

  it('counts per step name and status, so failed runs are kept apart', () => {
    expect(buildStepHistoryCountTraceQL({ namespace: 'linear_workflow', spanNames: ['execute_step'] })).toBe(
      `${SPANS} && span.step_name != nil} | count_over_time() by (span.step_name, status)`
    );
  });

  it('several span names are alternatives; the configured step attribute is used', () => {
    const q = buildStepHistoryQuantilesTraceQL(
      { namespace: 'ns', spanNames: ['execute_step', 'worker.step_execution', 'execute_step'] },
      { attributes: { stepName: { scope: 'any', key: 'step' } } } as never
    );
    expect(q).toContain('(name = "execute_step" || name = "worker.step_execution")');
    expect(q).toContain('.step != nil');
    expect(q).toMatch(/by \(\.step\)$/);
    expect(traceqlSyntaxIssues(q)).toEqual([]);
  });

  it('leaves the task on screen out of its own history', () => {
    const q = buildStepHistoryCountTraceQL({
      namespace: 'ns',
      spanNames: ['execute_step'],
      excludeTaskUuid: '019AB6F9-7A27-7D16-B298-1EA41B327373',
    });
    expect(q).toContain('&& span.task_uuid != "019ab6f9-7a27-7d16-b298-1ea41b327373"}');
    expect(traceqlSyntaxIssues(q)).toEqual([]);
    expect(() => buildStepHistoryCountTraceQL({ namespace: 'ns', spanNames: ['a'], excludeTaskUuid: '"}' })).toThrow(
      /taskUuid: expected a UUID/
    );
  });

  it('refuses what cannot be a history query, in words', () => {
    expect(() => buildStepHistoryQuantilesTraceQL({ namespace: '', spanNames: ['a'] })).toThrow(/namespace/);
    expect(() => buildStepHistoryCountTraceQL({ namespace: 'a', spanNames: [] })).toThrow(/at least one span name/);
    expect(() => buildStepHistoryCountTraceQL({ namespace: 'a', spanNames: ['\ud800'] })).toThrow(/Unicode/);
  });

  it('arbitrary namespaces and span names: grammar-clean, no variables, Tempo reads back exactly the values', () => {
    fc.assert(
      fc.property(nastyText, fc.uniqueArray(nastyText, { minLength: 1, maxLength: 3 }), (namespace, spanNames) => {
        for (const query of [
          buildStepHistoryQuantilesTraceQL({ namespace, spanNames }),
          buildStepHistoryCountTraceQL({ namespace, spanNames }),
        ]) {
          expect(traceqlSyntaxIssues(query)).toEqual([]);
          expect(query).not.toMatch(GRAFANA_VARIABLE);
          const read = (attribute: string) =>
            traceqlValueTokens(query, attribute).map((token) => {
              const decoded = goUnquote(token.raw);
              if (!decoded.ok) {
                throw new Error(decoded.reason);
              }
              return token.op === '=' ? decoded.value : soleMatchOfAnchoredLiteral(decoded.value);
            });
          expect(read('.namespace')).toEqual([namespace]);
          // `resource.service.name =~` is not a span name token: only the `name = …` conditions are read here.
          expect(read(' name').length + read('(name').length).toBe(spanNames.length);
          expect([...read(' name'), ...read('(name')].sort()).toEqual([...spanNames].sort());
        }
      }),
      { numRuns: 300 }
    );
  });
});
