// Tempo and Loki for data-layer tests: the sandbox's stand-ins (the real TraceQL and LogQL evaluators over an
// in-memory store, answering in Grafana's frame shapes) over fixture spans and logs, behind a recording datasource.
// A test then checks what the app asks and what it makes of the answer, not what a substring match would return.
import type { DataQueryRequest, DataQueryResponse } from '@grafana/data';
import { lastValueFrom, type Observable } from 'rxjs';
import type { StoredLog, StoredSpan } from '../../../sandbox/src/data/model';
import { TelemetryStore } from '../../../sandbox/src/data/store';
import { SandboxControl } from '../../../sandbox/src/datasources/control';
import { createLokiStandIn } from '../../../sandbox/src/datasources/loki';
import { createTempoStandIn } from '../../../sandbox/src/datasources/tempo';
import { fakeDatasource, type FakeDatasource, type FakeHandler } from './fakeGrafana';

type FakeOptions = Parameters<typeof fakeDatasource>[2];
import type { FixtureLog, FixtureSpan } from './frames';

const STATUS_CODE = { unset: 0, ok: 1, error: 2 } as const;

/** A fixture span as Tempo holds it after ingesting its OTLP (what the stand-ins evaluate TraceQL on). */
export function storedSpan(s: FixtureSpan): StoredSpan {
  return {
    traceId: s.traceId,
    spanId: s.spanId,
    parentSpanId: s.parentSpanId ?? '',
    name: s.name,
    kind: 'internal',
    statusCode: STATUS_CODE[s.status ?? 'unset'],
    statusMessage: '',
    startMs: s.startMs,
    durationMs: s.durationMs,
    attrs: { ...s.attrs },
    resource: { 'service.name': s.service ?? 'tasker-orchestration' },
    events: [],
    scopeName: 'tasker-core',
  };
}

/** A fixture log as Loki holds an OTLP log: service_name indexed, the rest structured metadata. */
export function storedLog(l: FixtureLog): StoredLog {
  const { service_name = 'tasker-orchestration', ...metadata } = l.labels ?? {};
  return { timeMs: l.timeMs, line: l.line, stream: { service_name }, metadata };
}

function storeOf(spans: FixtureSpan[], logs: FixtureLog[]): TelemetryStore {
  const store = new TelemetryStore();
  store.add({ spans: spans.map(storedSpan), logs: logs.map(storedLog), tasks: [] });
  return store;
}

type StandIn = { query(request: DataQueryRequest<never>): Observable<DataQueryResponse> };

function quietControl(): SandboxControl {
  const control = new SandboxControl();
  control.latencyMs = 0;
  return control;
}

function handlerOf(standIn: StandIn): FakeHandler {
  return (request) => lastValueFrom(standIn.query(request as DataQueryRequest<never>));
}

/** Answers as Tempo over these spans would (TraceQL searches, trace-by-id lookups): compose it to inject faults. */
export function tempoHandler(spans: FixtureSpan[]): FakeHandler {
  return handlerOf(createTempoStandIn(storeOf(spans, []), quietControl(), 'tempo') as unknown as StandIn);
}

/** Answers as Loki over these logs would (LogQL). */
export function lokiHandler(logs: FixtureLog[]): FakeHandler {
  return handlerOf(createLokiStandIn(storeOf([], logs), quietControl(), 'loki') as unknown as StandIn);
}

/** Tempo over these spans, recording requests like any fake datasource (answers at once: no simulated latency). */
export function standInTempo(spans: FixtureSpan[], options: FakeOptions = {}): FakeDatasource {
  return fakeDatasource({ uid: 'tempo', type: 'tempo' }, tempoHandler(spans), options);
}

/** Loki over these logs, recording requests. */
export function standInLoki(logs: FixtureLog[], options: FakeOptions = {}): FakeDatasource {
  return fakeDatasource({ uid: 'loki', type: 'loki' }, lokiHandler(logs), options);
}
