// A minimal OTLP/HTTP JSON receiver on 127.0.0.1 for tests: collects what the exporters send and decodes it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type OtlpValue = { stringValue?: string; intValue?: string | number; doubleValue?: number; boolValue?: boolean };
export type OtlpKeyValue = { key: string; value: OtlpValue };

export interface ReceivedSpan {
  resource: Record<string, unknown>;
  scope: { name: string; version?: string };
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  startMs: number;
  endMs: number;
  attributes: Record<string, unknown>;
  events: Array<{ name: string; timeMs: number; attributes: Record<string, unknown> }>;
  status: { code: number; message?: string };
}

export interface ReceivedLog {
  resource: Record<string, unknown>;
  scope: { name: string };
  timeMs: number;
  severityText: string;
  severityNumber: number;
  body: string;
  attributes: Record<string, unknown>;
  traceId: string;
  spanId: string;
}

export function decodeValue(v: OtlpValue): unknown {
  if (v.stringValue !== undefined) {
    return v.stringValue;
  }
  if (v.intValue !== undefined) {
    return Number(v.intValue);
  }
  if (v.doubleValue !== undefined) {
    return v.doubleValue;
  }
  if (v.boolValue !== undefined) {
    return v.boolValue;
  }
  return undefined;
}

const attrs = (list: OtlpKeyValue[] | undefined) =>
  Object.fromEntries((list ?? []).map((kv) => [kv.key, decodeValue(kv.value)]));
const nanosToMs = (n: string | number) => Number(BigInt(String(n)) / 1000n) / 1000;

interface JsonBody {
  resourceSpans?: Array<{
    resource?: { attributes?: OtlpKeyValue[] };
    scopeSpans?: Array<{ scope?: { name: string; version?: string }; spans?: Array<Record<string, unknown>> }>;
  }>;
  resourceLogs?: Array<{
    resource?: { attributes?: OtlpKeyValue[] };
    scopeLogs?: Array<{ scope?: { name: string }; logRecords?: Array<Record<string, unknown>> }>;
  }>;
}

export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  readonly logs: ReceivedLog[] = [];
  readonly contentTypes: string[] = [];
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.contentTypes.push(String(req.headers['content-type']));
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as JsonBody;
          if (req.url === '/v1/traces') {
            this.collectSpans(body);
          } else if (req.url === '/v1/logs') {
            this.collectLogs(body);
          } else {
            res.writeHead(404).end();
            return;
          }
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        } catch (e) {
          res.writeHead(400).end(String(e));
        }
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private collectSpans(body: JsonBody): void {
    for (const rs of body.resourceSpans ?? []) {
      for (const ss of rs.scopeSpans ?? []) {
        for (const s of ss.spans ?? []) {
          this.spans.push({
            resource: attrs(rs.resource?.attributes),
            scope: { name: ss.scope?.name ?? '', version: ss.scope?.version },
            traceId: String(s.traceId),
            spanId: String(s.spanId),
            parentSpanId: String(s.parentSpanId ?? ''),
            name: String(s.name),
            kind: Number(s.kind),
            startMs: nanosToMs(s.startTimeUnixNano as string),
            endMs: nanosToMs(s.endTimeUnixNano as string),
            attributes: attrs(s.attributes as OtlpKeyValue[]),
            events: ((s.events as Array<Record<string, unknown>>) ?? []).map((e) => ({
              name: String(e.name),
              timeMs: nanosToMs(e.timeUnixNano as string),
              attributes: attrs(e.attributes as OtlpKeyValue[]),
            })),
            status: (s.status as { code: number; message?: string }) ?? { code: 0 },
          });
        }
      }
    }
  }

  private collectLogs(body: JsonBody): void {
    for (const rl of body.resourceLogs ?? []) {
      for (const sl of rl.scopeLogs ?? []) {
        for (const l of sl.logRecords ?? []) {
          this.logs.push({
            resource: attrs(rl.resource?.attributes),
            scope: { name: sl.scope?.name ?? '' },
            timeMs: nanosToMs(l.timeUnixNano as string),
            severityText: String(l.severityText ?? ''),
            severityNumber: Number(l.severityNumber ?? 0),
            body: String(decodeValue((l.body as OtlpValue) ?? {}) ?? ''),
            attributes: attrs(l.attributes as OtlpKeyValue[]),
            traceId: String(l.traceId ?? ''),
            spanId: String(l.spanId ?? ''),
          });
        }
      }
    }
  }
}
