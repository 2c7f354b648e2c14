// Property: every TraceQL query the app's builders write, evaluated by the sandbox's TraceQL evaluator (Grafana's
// grammar, Tempo's semantics for the subset) over generated spans, returns exactly the spans the filter describes:
// no more (an escaping bug widening a match), no fewer (a scope or quoting bug missing one).
import fc from 'fast-check';
import { buildStepSpansTraceQL, buildTaskSpansTraceQL, buildTraceQL } from '../../../src/query';
import type { SpanStatus, TaskFilter } from '../../../src/query/types';
import type { StoredSpan } from '../data/model';
import { compileTraceQL } from './traceql';

const UUIDS = [
  '019ab6f9-7a27-7d16-b298-1ea41b327373',
  '88f21229-4085-4d53-8f52-2fde0b7228e2',
  '019ab6f9-7a2a-7873-a5d1-93234ae46003',
  '5d0c6a7e-1111-4222-8333-444455556666',
];
/** Values that need escaping in a TraceQL string, and look-alikes that must not match each other. */
const TEXTS = ['payments', 'pay"ments', 'pay\\ments', 'pay\\"ments', 'pay.*', 'Payments', 'päy}|{', 'a || true', ''];
const SERVICES = ['tasker-orchestration', 'tasker-rust-worker', 'postgres', 'tasker-'];
const STATUSES: SpanStatus[] = ['unset', 'ok', 'error'];
const STATUS_CODE: Record<SpanStatus, 0 | 1 | 2> = { unset: 0, ok: 1, error: 2 };

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const spanArb = fc.record({
  correlation_id: optional(fc.constantFrom(...UUIDS)),
  task_uuid: optional(fc.constantFrom(...UUIDS)),
  step_uuid: optional(fc.constantFrom(...UUIDS)),
  // tasker-core's worker spans: a plain string attribute holding the correlation_id.
  trace_id: optional(fc.constantFrom(...UUIDS)),
  namespace: optional(fc.constantFrom(...TEXTS)),
  task_name: optional(fc.constantFrom(...TEXTS)),
  service: fc.constantFrom(...SERVICES),
  status: fc.constantFrom(...STATUSES),
  durationMs: fc.integer({ min: 0, max: 3000 }),
});

type SpanRecord = typeof spanArb extends fc.Arbitrary<infer T> ? T : never;

function toSpans(records: SpanRecord[]): StoredSpan[] {
  return records.map((r, i) => {
    const attrs: Record<string, string> = {};
    for (const key of ['correlation_id', 'task_uuid', 'step_uuid', 'trace_id', 'namespace', 'task_name'] as const) {
      if (r[key] !== undefined) {
        attrs[key] = r[key]!;
      }
    }
    return {
      traceId: (i % 3).toString(16).padStart(32, 'a'),
      spanId: i.toString(16).padStart(16, '0'),
      parentSpanId: '',
      name: 'span',
      kind: 'internal',
      statusCode: STATUS_CODE[r.status],
      statusMessage: '',
      startMs: 1_000_000 + i,
      durationMs: r.durationMs,
      attrs,
      resource: { 'service.name': r.service },
      events: [],
      scopeName: 'tasker-core',
    };
  });
}

const filterArb = fc.record(
  {
    correlationId: fc.constantFrom(...UUIDS),
    taskUuid: fc.constantFrom(...UUIDS),
    namespace: fc.uniqueArray(fc.constantFrom(...TEXTS.filter((t) => t !== '')), { minLength: 1, maxLength: 3 }),
    taskName: fc.constantFrom(...TEXTS.filter((t) => t.trim() !== '')),
    services: fc.uniqueArray(fc.constantFrom(...SERVICES), { minLength: 1, maxLength: 2 }),
    status: fc.constantFrom(...STATUSES),
    minDuration: fc.constantFrom('0ms', '250ms', '1s', '1.5s'),
    maxDuration: fc.constantFrom('100ms', '1s', '2500ms'),
  },
  { requiredKeys: [] }
);

const MS: Record<string, number> = { '0ms': 0, '100ms': 100, '250ms': 250, '1s': 1000, '1.5s': 1500, '2500ms': 2500 };

/** What the filter means, written plainly: the oracle the evaluated query must agree with. */
function matchesFilter(s: StoredSpan, f: TaskFilter): boolean {
  const service = String(s.resource['service.name']);
  const checks = [
    f.services?.length ? f.services.includes(service) : /^tasker-.+$/.test(service),
    f.correlationId === undefined || s.attrs.correlation_id === f.correlationId,
    f.taskUuid === undefined || s.attrs.task_uuid === f.taskUuid,
    !f.namespace?.length || f.namespace.includes(String(s.attrs.namespace)),
    f.taskName === undefined || s.attrs.task_name === f.taskName,
    f.status === undefined || s.statusCode === STATUS_CODE[f.status],
    f.minDuration === undefined || s.durationMs >= MS[f.minDuration],
    f.maxDuration === undefined || s.durationMs <= MS[f.maxDuration],
  ];
  return checks.every(Boolean);
}

/** Span ids the query returns over all traces, as Tempo would evaluate it trace by trace. */
function evaluate(query: string, spans: StoredSpan[]): string[] {
  const compiled = compileTraceQL(query);
  const traces = new Map<string, StoredSpan[]>();
  for (const s of spans) {
    traces.set(s.traceId, [...(traces.get(s.traceId) ?? []), s]);
  }
  return [...traces.values()].flatMap((trace) => compiled.evaluate(trace).map((s) => s.spanId)).sort();
}

const ids = (spans: StoredSpan[]) => spans.map((s) => s.spanId).sort();

describe('builder-made TraceQL on the sandbox evaluator', () => {
  it('a filter search returns exactly the spans that match the filter', () => {
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 40 }), filterArb, (records, filter) => {
        // The builder refuses a minimum above the maximum (its own test covers that).
        fc.pre(!(filter.minDuration && filter.maxDuration && MS[filter.minDuration] > MS[filter.maxDuration]));
        const spans = toSpans(records);
        expect(evaluate(buildTraceQL(filter), spans)).toEqual(ids(spans.filter((s) => matchesFilter(s, filter))));
      }),
      { numRuns: 300 }
    );
  });

  it("a task's search returns exactly the Tasker spans naming it (task_uuid, correlation_id, a worker's trace_id)", () => {
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 40 }), fc.constantFrom(...UUIDS), (records, id) => {
        const spans = toSpans(records);
        const expected = spans.filter(
          (s) =>
            /^tasker-.+$/.test(String(s.resource['service.name'])) &&
            (s.attrs.task_uuid === id || s.attrs.correlation_id === id || s.attrs.trace_id === id)
        );
        expect(evaluate(buildTaskSpansTraceQL(id), spans)).toEqual(ids(expected));
      }),
      { numRuns: 200 }
    );
  });

  it('a step search returns exactly the Tasker spans of those steps', () => {
    fc.assert(
      fc.property(
        fc.array(spanArb, { maxLength: 40 }),
        fc.uniqueArray(fc.constantFrom(...UUIDS), { minLength: 1, maxLength: 3 }),
        (records, steps) => {
          const spans = toSpans(records);
          const expected = spans.filter(
            (s) => /^tasker-.+$/.test(String(s.resource['service.name'])) && steps.includes(String(s.attrs.step_uuid))
          );
          expect(evaluate(buildStepSpansTraceQL(steps), spans)).toEqual(ids(expected));
        }
      ),
      { numRuns: 200 }
    );
  });
});
