import type { DemoData } from '../data/model';
import { ID_EPOCH_MS } from '../data/builder';
import { fixturesToDemoData, type GeneratorFixtures } from '../data/fromFixtures';
import { workloadDemo } from '../data/fromWorkload';
import { generateHostileTask } from '../data/hostile';
import { generateLargeTask, largeCorrelationId } from '../data/large';
import { TelemetryStore } from '../data/store';

export const DEMO_SEED = 20261126;
export const DEMO_TASKS = 300;
export const LARGE_SPANS = 100_000;

/** Served by `serve.ts`: the fixture files `--data` named, by file name. */
interface ServerConfig {
  data?: Record<string, string>;
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) {
    throw new Error(`could not load fixtures from ${url}: HTTP ${res.status}`);
  }
  return (await res.json()) as T;
}

/** Fills the store: fixtures from `--data`, or the generated demo (fixed seed) plus the hostile and 100k-span tasks. */
export async function loadDemoData(store: TelemetryStore, nowMs: number): Promise<string> {
  let cfg: ServerConfig = {};
  try {
    const res = await fetch('/sandbox/config.json');
    if (res.ok) {
      cfg = (await res.json()) as ServerConfig;
    }
  } catch {
    // No config: a static server without serve.ts; use the generated data.
  }
  const files = cfg.data;
  if (files?.['data.json']) {
    const data = await getJson<DemoData>(files['data.json']);
    if (!Array.isArray(data.spans) || !Array.isArray(data.logs)) {
      throw new Error('the --data file is not a sandbox fixture: expected {spans: [...], logs: [...], tasks: [...]}');
    }
    store.add({ spans: data.spans, logs: data.logs, tasks: data.tasks ?? [] });
    return `fixtures (${data.spans.length} spans)`;
  }
  if (files?.['trace-frames.json']) {
    const [traceFrames, logRows, tasks] = await Promise.all([
      getJson<GeneratorFixtures['traceFrames']>(files['trace-frames.json']),
      getJson<GeneratorFixtures['logRows']>(files['log-rows.json']),
      files['tasks.json'] ? getJson<GeneratorFixtures['tasks']>(files['tasks.json']) : Promise.resolve(undefined),
    ]);
    const data = fixturesToDemoData({ traceFrames, logRows, tasks });
    store.add(data);
    return `workload generator fixtures (${data.tasks.length} tasks, ${data.spans.length} spans)`;
  }
  store.add(workloadDemo(DEMO_SEED, DEMO_TASKS, nowMs, 6 * 3600 * 1000, ID_EPOCH_MS));
  store.add(generateHostileTask(nowMs));
  addLargeTask(store, LARGE_SPANS, nowMs - 40 * 60 * 1000);
  return `workload generator (seed ${DEMO_SEED}, ${DEMO_TASKS} tasks) + hostile task + ${LARGE_SPANS}-span task`;
}

/** Registers an N-span task, built on the first query that needs it. */
export function addLargeTask(store: TelemetryStore, spanCount: number, startMs: number) {
  const correlationId = largeCorrelationId(spanCount);
  const existing = store.tasks.find((t) => t.correlationId === correlationId);
  if (existing) {
    return existing;
  }
  // Build the task info eagerly from a tiny run with the same seed so ids are known before the spans exist.
  const probe = generateLargeTask(3, spanCount, startMs, correlationId).task;
  const task = { ...probe, spanCount };
  store.addLazy(task, () => generateLargeTask(spanCount, spanCount, startMs, correlationId).spans);
  return task;
}
