import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { traceqlSyntaxIssues } from '../../src/query/grammar';
import type { OtlpSpan, OtlpTracesData } from '../../src/taskfile';

// A stand-in for Tempo v3.0.3's HTTP API on 127.0.0.1, answering as pkg/api/http.go and the query frontend do:
//   GET /api/search?q&start&end&limit&spss → {traces: [{traceID, rootServiceName, rootTraceName, startTimeUnixNano,
//     durationMs, spanSets: [{spans: [{spanID, name, startTimeUnixNano, durationNanos, attributes}], matched}]}],
//     metrics}; 400 for a query that does not parse or a bad start/end.
//   GET /api/v2/traces/<id> → {trace: {resourceSpans}} in protobuf's JSON mapping (base64 ids, enum names, uint64 as
//     strings); 404 for an unknown id.
// TraceQL is read for the part perf-check sends: equality conditions, joined by && (the task list) or || (ids).

export interface FakeTempo {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');
const KINDS = ['SPAN_KIND_UNSPECIFIED', 'SPAN_KIND_INTERNAL', 'SPAN_KIND_SERVER', 'SPAN_KIND_CLIENT'];
const STATUS = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'];

interface Indexed {
  span: OtlpSpan;
  service: string;
}

function attr(span: OtlpSpan, key: string): string | undefined {
  return span.attributes?.find((a) => a.key === key)?.value.stringValue;
}

function matches(span: OtlpSpan, q: string): boolean {
  const equals = [...q.matchAll(/(?:^|[\s(&|{])(?:span|resource)?\.("?)([\w.]+)\1\s*=\s*"((?:[^"\\]|\\.)*)"/g)].map(
    (m) => ({ key: m[2], value: m[3] })
  );
  const ids = ['task_uuid', 'correlation_id', 'step_uuid'];
  if (q.includes('!= nil')) {
    // The task list: spans that name a task, AND every equality.
    return ids.some((k) => attr(span, k) !== undefined) && equals.every((e) => attr(span, e.key) === e.value);
  }
  return equals.some((e) => attr(span, e.key) === e.value);
}

export async function startFakeTempo(doc: OtlpTracesData): Promise<FakeTempo> {
  const traces = new Map<string, Indexed[]>();
  for (const rs of doc.resourceSpans) {
    const service = rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
    for (const s of rs.scopeSpans.flatMap((x) => x.spans)) {
      traces.set(s.traceId, [...(traces.get(s.traceId) ?? []), { span: s, service }]);
    }
  }
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}${url.search}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (url.pathname === '/api/search') {
      const q = url.searchParams.get('q') ?? '';
      const start = Number(url.searchParams.get('start'));
      const end = Number(url.searchParams.get('end'));
      if (!/^\d+$/.test(url.searchParams.get('start') ?? '') || !/^\d+$/.test(url.searchParams.get('end') ?? '')) {
        return send(400, 'invalid start: strconv.ParseUint: parsing: invalid syntax');
      }
      if (traceqlSyntaxIssues(q).length > 0) {
        return send(400, `invalid TraceQL query: parse error`);
      }
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const spss = Number(url.searchParams.get('spss') ?? 3);
      const found = [];
      for (const [traceId, spans] of traces) {
        const hit = spans.filter(({ span }) => {
          const s = Number(BigInt(span.startTimeUnixNano) / 1_000_000_000n);
          return s >= start && s <= end && matches(span, q);
        });
        if (hit.length === 0) {
          continue;
        }
        const root = spans.find(({ span }) => !span.parentSpanId) ?? spans[0];
        const first = spans.reduce(
          (m, { span }) => (BigInt(span.startTimeUnixNano) < m ? BigInt(span.startTimeUnixNano) : m),
          BigInt(root.span.startTimeUnixNano)
        );
        const last = spans.reduce(
          (m, { span }) => (BigInt(span.endTimeUnixNano) > m ? BigInt(span.endTimeUnixNano) : m),
          first
        );
        found.push({
          // Tempo drops leading zeros of trace ids in search answers.
          traceID: traceId.replace(/^0+/, ''),
          rootServiceName: root.service,
          rootTraceName: root.span.name,
          startTimeUnixNano: first.toString(),
          durationMs: Number((last - first) / 1_000_000n),
          spanSets: [
            {
              spans: hit.slice(0, spss).map(({ span }) => ({
                spanID: span.spanId,
                name: span.name,
                startTimeUnixNano: span.startTimeUnixNano,
                durationNanos: (BigInt(span.endTimeUnixNano) - BigInt(span.startTimeUnixNano)).toString(),
                attributes: (span.attributes ?? []).filter((a) => a.value.stringValue !== undefined),
              })),
              matched: hit.length,
            },
          ],
        });
        if (found.length >= limit) {
          break;
        }
      }
      return send(200, { traces: found, metrics: { inspectedTraces: traces.size, completedJobs: 1, totalJobs: 1 } });
    }
    const byId = /^\/api\/v2\/traces\/([0-9a-fA-F]+)$/.exec(url.pathname);
    if (byId) {
      const spans = traces.get(byId[1].toLowerCase().padStart(32, '0'));
      if (!spans) {
        return send(404, 'trace not found');
      }
      const byService = new Map<string, OtlpSpan[]>();
      for (const { span, service } of spans) {
        byService.set(service, [...(byService.get(service) ?? []), span]);
      }
      return send(200, {
        trace: {
          resourceSpans: [...byService].map(([service, list]) => ({
            resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
            scopeSpans: [
              {
                scope: { name: 'tasker' },
                spans: list.map((s) => ({
                  traceId: b64(s.traceId),
                  spanId: b64(s.spanId),
                  ...(s.parentSpanId && { parentSpanId: b64(s.parentSpanId) }),
                  name: s.name,
                  kind: KINDS[s.kind ?? 0],
                  startTimeUnixNano: s.startTimeUnixNano,
                  endTimeUnixNano: s.endTimeUnixNano,
                  attributes: s.attributes,
                  status: s.status?.code ? { code: STATUS[s.status.code] } : {},
                })),
              },
            ],
          })),
        },
        metrics: { inspectedBytes: '1024' },
      });
    }
    send(404, '404 page not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
