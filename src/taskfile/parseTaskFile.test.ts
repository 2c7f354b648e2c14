import { buildTaskFlow } from '../flow';
import { errorTaskFrames } from '../flow/fixtures/errorTask';
import { guideTaskFrames } from '../flow/fixtures/guideTask';
import { SCATTERED, scatteredTaskFrames } from '../flow/fixtures/scatteredTask';
import { MAX_TASK_FILE_BYTES, TaskFileError, parseTaskFile, taskToOtlp, tasksFromSpans } from '.';

function hexToBase64(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64');
}

function problemOf(text: string, limit?: number): string {
  try {
    parseTaskFile(text, limit);
  } catch (e) {
    expect(e).toBeInstanceOf(TaskFileError);
    return `${(e as TaskFileError).problem}: ${(e as TaskFileError).message}`;
  }
  throw new Error('parsed');
}

describe('parseTaskFile: the formats in use', () => {
  it("reads Tempo's /api/v2/traces answer: base64 ids, enum names, {trace: {resourceSpans}}", () => {
    const traceId = '0a0000000000000000000000000000c1';
    const doc = {
      trace: {
        resourceSpans: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: 'tasker-orchestration' } }] },
            scopeSpans: [
              {
                scope: { name: 'tasker' },
                spans: [
                  {
                    traceId: hexToBase64(traceId),
                    spanId: hexToBase64('c100000000000001'),
                    name: 'create_and_enqueue_task_from_request',
                    kind: 'SPAN_KIND_SERVER',
                    startTimeUnixNano: '1764000000000000000',
                    endTimeUnixNano: '1764000000020000000',
                    attributes: [{ key: 'attempt', value: { intValue: '2' } }],
                    status: { code: 'STATUS_CODE_ERROR', message: 'boom' },
                  },
                ],
              },
            ],
          },
        ],
      },
    };
    const { spans, format } = parseTaskFile(JSON.stringify(doc));
    expect(format).toBe('otlp');
    expect(spans[0]).toMatchObject({
      traceId,
      spanId: 'c100000000000001',
      parentSpanId: '',
      serviceName: 'tasker-orchestration',
      startMs: 1764000000000,
      durationMs: 20,
      kind: 'server',
      statusCode: 2,
      statusMessage: 'boom',
      attributes: [{ key: 'attempt', value: 2 }],
    });
  });

  it("reads Tempo's older `batches` with instrumentationLibrarySpans (also Grafana's trace export), numeric times", () => {
    const doc = {
      batches: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] },
          instrumentationLibrarySpans: [
            {
              spans: [
                {
                  traceId: 'ABCDEF',
                  spanId: '00FF',
                  name: 'op',
                  startTimeUnixNano: 1764000000000000000,
                  endTimeUnixNano: 1764000000005000000,
                },
              ],
            },
          ],
        },
      ],
    };
    const { spans } = parseTaskFile(JSON.stringify(doc));
    expect(spans[0].traceId).toBe('abcdef'.padStart(32, '0'));
    expect(spans[0].spanId).toBe('00000000000000ff');
    expect(spans[0].durationMs).toBe(5);
  });

  it("reads JSON Lines, one OTLP document per line (the collector's file exporter)", () => {
    const a = taskToOtlp(buildTaskFlow(errorTaskFrames()));
    const b = taskToOtlp(buildTaskFlow(scatteredTaskFrames()));
    const tasks = tasksFromSpans(parseTaskFile(`${JSON.stringify(a)}\n${JSON.stringify(b)}\n`).spans);
    expect(tasks).toHaveLength(2);
  });

  it("reads Jaeger's JSON: microseconds, processes, CHILD_OF references, kind and status tags", () => {
    const doc = {
      data: [
        {
          traceID: '0000000000000000000000000000abcd',
          spans: [
            {
              traceID: '0000000000000000000000000000abcd',
              spanID: '0000000000000001',
              operationName: 'finalize_task',
              references: [],
              startTime: 1764000000000123,
              duration: 1500,
              tags: [
                { key: 'task_uuid', type: 'string', value: 'u-1' },
                { key: 'span.kind', type: 'string', value: 'server' },
                { key: 'otel.status_code', type: 'string', value: 'ERROR' },
              ],
              logs: [{ timestamp: 1764000000000500, fields: [{ key: 'event', value: 'retry' }] }],
              processID: 'p1',
            },
            {
              traceID: '0000000000000000000000000000abcd',
              spanID: '0000000000000002',
              operationName: 'make_finalization_decision',
              references: [
                { refType: 'CHILD_OF', traceID: '0000000000000000000000000000abcd', spanID: '0000000000000001' },
              ],
              startTime: 1764000000000200,
              duration: 100,
              tags: [],
              processID: 'p1',
            },
          ],
          processes: { p1: { serviceName: 'tasker-orchestration', tags: [{ key: 'host.name', value: 'h' }] } },
        },
      ],
    };
    const { spans, format } = parseTaskFile(JSON.stringify(doc));
    expect(format).toBe('jaeger');
    expect(spans[0]).toMatchObject({
      startMs: 1764000000000.123,
      durationMs: 1.5,
      kind: 'server',
      statusCode: 2,
      serviceName: 'tasker-orchestration',
      attributes: [{ key: 'task_uuid', value: 'u-1' }],
      events: [{ timeMs: 1764000000000.5, name: 'retry', fields: [] }],
    });
    expect(spans[0].resource).toContainEqual({ key: 'host.name', value: 'h' });
    expect(spans[1].parentSpanId).toBe('0000000000000001');
    const [task] = tasksFromSpans(spans);
    expect(task.flow.roots).toEqual(['0000000000000001']);
  });
});

describe('parseTaskFile: files that are not task files', () => {
  it('names each problem', () => {
    expect(problemOf('{"resourceSpans": [')).toMatch(/^not_json: The file is not JSON/);
    expect(problemOf('   ')).toBe('not_json: The file is empty.');
    expect(problemOf('{"hello": "world"}')).toMatch(/^unknown_format: Unknown format: expected OTLP\/JSON/);
    expect(problemOf('[1, 2, 3]')).toMatch(/^unknown_format/);
    expect(problemOf('{"resourceSpans": []}')).toBe('no_spans: The file holds no spans.');
    expect(problemOf('{"resourceSpans": [{"scopeSpans": [{"spans": [{"name": "x"}]}]}]}')).toBe(
      'no_spans: The file has no usable spans: all 1 lack a trace id, a span id or a start time.'
    );
  });

  it('states the limit in megabytes', () => {
    expect(MAX_TASK_FILE_BYTES).toBe(100 * 1024 * 1024);
    expect(problemOf('x'.repeat(11 * 1024 * 1024), 10 * 1024 * 1024)).toBe(
      'too_large: The file is 11 MB, larger than the 10 MB limit for task files.'
    );
  });

  it('skips spans without ids and keeps the rest', () => {
    const doc = taskToOtlp(buildTaskFlow(guideTaskFrames()));
    doc.resourceSpans[0].scopeSpans[0].spans.push({ name: 'broken' } as never);
    const file = parseTaskFile(JSON.stringify(doc));
    expect(file.skipped).toBe(1);
    expect(tasksFromSpans(file.spans)).toHaveLength(1);
  });
});

describe('tasksFromSpans: one file, many tasks', () => {
  it('splits tasks by their ids and stitches tasker-core traces of one task together', () => {
    const scattered = taskToOtlp(buildTaskFlow(scatteredTaskFrames()));
    const other = taskToOtlp(buildTaskFlow(errorTaskFrames()));
    const both = { resourceSpans: [...other.resourceSpans, ...scattered.resourceSpans] };
    const tasks = tasksFromSpans(parseTaskFile(JSON.stringify(both)).spans);
    expect(tasks.map((t) => t.flow.traceIds.length).sort()).toEqual([1, 9]);
    const stitched = tasks.find((t) => t.flow.traceIds.length === 9)!;
    expect(stitched.id).toBe(SCATTERED.correlationId);
    expect(stitched.label).toContain(SCATTERED.correlationId);
  });

  it("ties a step's traces to the task through tasker-core's worker attributes trace_id and span_id", () => {
    const corr = '314a50e6-3f81-4a93-93e5-81dd4227b3a4';
    const step = '01a2166f-e5cf-71c4-ba2a-104a046e9787';
    const span = (traceId: string, attributes: Record<string, string>) => ({
      traceId,
      spanId: traceId.slice(0, 16),
      name: 'x',
      startTimeUnixNano: '1764000000000000000',
      endTimeUnixNano: '1764000000001000000',
      attributes: Object.entries(attributes).map(([key, v]) => ({ key, value: { stringValue: v } })),
    });
    const doc = {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                span('1'.repeat(32), { correlation_id: corr, task_name: 't' }),
                span('2'.repeat(32), { trace_id: corr, span_id: `span-${step}` }),
                span('3'.repeat(32), { step_uuid: step }),
                span('4'.repeat(32), { trace_id: '4bf92f3577b34da6a3ce929d0e0e4736' }),
              ],
            },
          ],
        },
      ],
    };
    const tasks = tasksFromSpans(parseTaskFile(JSON.stringify(doc)).spans);
    expect(tasks.map((t) => t.flow.traceIds.length).sort()).toEqual([1, 3]);
  });

  it('makes one task per trace when spans carry no task ids', () => {
    const span = (traceId: string) => ({
      traceId,
      spanId: '0000000000000001',
      name: 'x',
      startTimeUnixNano: '1764000000000000000',
      endTimeUnixNano: '1764000000001000000',
    });
    const doc = { resourceSpans: [{ scopeSpans: [{ spans: [span('1'.repeat(32)), span('2'.repeat(32))] }] }] };
    const tasks = tasksFromSpans(parseTaskFile(JSON.stringify(doc)).spans);
    expect(tasks.map((t) => t.id)).toEqual(['1'.repeat(32), '2'.repeat(32)]);
  });
});
