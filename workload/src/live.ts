// Export mode: starts tasks at the requested rate and sends each span when it ends and each log record when it is
// written, as a live Tasker would. Clock and sleep are injectable so tests run it without waiting.
import type { CliOptions } from './args';
import type { SimLogRecord, SimSpan } from './model';
import { createRng } from './random';
import { shapeOf, simulate } from './simulate';
import { workerService } from './shape-documented';
import { TelemetrySink } from './emit';

export interface Sender {
  sendSpans(spans: SimSpan[]): Promise<number>;
  sendLogs(records: SimLogRecord[]): Promise<number>;
  shutdown(): Promise<void>;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface ExportStats {
  tasks: number;
  spansSent: number;
  logsSent: number;
  failedBatches: number;
}

const LOOP_SPAN_EVERY_MS = 60_000;

export async function runExport(
  cli: CliOptions,
  sender: Sender,
  clock: Clock = realClock,
  report: (line: string) => void = () => undefined
): Promise<ExportStats> {
  const master = createRng(cli.seed);
  const loopSink = new TelemetrySink(createRng(cli.seed ^ 0x100b));
  const stats: ExportStats = { tasks: 0, spansSent: 0, logsSent: 0, failedBatches: 0 };
  let spans: SimSpan[] = [];
  let logs: SimLogRecord[] = [];
  const languages = new Set<string>();

  const startTask = (startMs: number) => {
    const batch = simulate({
      seed: master.int(0, 0xffffffff),
      count: 1,
      shape: shapeOf(cli.shape, stats.tasks),
      startMs,
      intervalMs: 1,
      namespaces: cli.namespaces,
      failureRate: cli.failureRate,
      slowRate: cli.slowRate,
    });
    stats.tasks++;
    for (const task of batch.tasks) {
      spans.push(...task.spans);
      logs.push(...task.logs);
      if (task.shape === 'tasker-core') {
        languages.add(task.steps[0]?.handler.language ?? 'rust');
      }
    }
    // The long-lived event loop is emitted below, once a minute, not per task.
    spans.push(...batch.noise.filter((s) => s.name !== 'domain_event_system_loop'));
  };

  const flush = async (now: number) => {
    const dueSpans = spans.filter((s) => s.startMs + s.durationMs <= now);
    const dueLogs = logs.filter((l) => l.timeMs <= now);
    spans = spans.filter((s) => s.startMs + s.durationMs > now);
    logs = logs.filter((l) => l.timeMs > now);
    try {
      stats.spansSent += await sender.sendSpans(dueSpans);
    } catch (e) {
      stats.failedBatches++;
      report(`dropped ${dueSpans.length} spans: ${(e as Error).message}`);
    }
    try {
      stats.logsSent += await sender.sendLogs(dueLogs);
    } catch (e) {
      stats.failedBatches++;
      report(`dropped ${dueLogs.length} log records: ${(e as Error).message}`);
    }
  };

  const intervalMs = 1000 / cli.rate;
  const t0 = clock.now();
  for (let k = 0, n = Math.round(cli.backfillSeconds * cli.rate); k < n; k++) {
    startTask(t0 - cli.backfillSeconds * 1000 + k * intervalMs);
  }
  const deadline = t0 + cli.durationSeconds * 1000;
  let next = t0;
  let loopFrom = t0;
  for (;;) {
    const now = clock.now();
    while (next <= now && next < deadline) {
      startTask(next);
      next += intervalMs;
    }
    if (now - loopFrom >= LOOP_SPAN_EVERY_MS) {
      for (const language of [...languages].sort()) {
        spans.push(
          loopSink.span({
            traceId: loopSink.newTraceId(),
            name: 'domain_event_system_loop',
            service: workerService(language),
            startMs: loopFrom,
            endMs: now,
            attributes: { 'thread.name': 'domain-events' },
          })
        );
      }
      loopFrom = now;
    }
    await flush(now);
    if (next >= deadline && spans.length === 0 && logs.length === 0) {
      break;
    }
    await clock.sleep(500);
  }
  await sender.shutdown();
  return stats;
}
