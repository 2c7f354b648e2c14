// Writes fixtures for tests and the sandbox: what Tempo and Loki would return to Grafana for the simulated tasks.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { logRows, searchFrame, traceFrames } from './frames';
import type { SimBatch } from './model';
import type { ResourceSettings } from './resource';

export interface FixtureFiles {
  tasks: string;
  traces: string;
  search: string;
  logs: string;
}

export function writeFixtures(batch: SimBatch, outDir: string, settings: ResourceSettings = {}): FixtureFiles {
  mkdirSync(outDir, { recursive: true });
  const files: FixtureFiles = {
    tasks: path.join(outDir, 'tasks.json'),
    traces: path.join(outDir, 'trace-frames.json'),
    search: path.join(outDir, 'search-frame.json'),
    logs: path.join(outDir, 'log-rows.json'),
  };
  const summary = batch.tasks.map((t) => ({
    shape: t.shape,
    correlationId: t.correlationId,
    taskUuid: t.taskUuid,
    namespace: t.namespace,
    taskName: t.taskName,
    state: t.state,
    startMs: t.startMs,
    endMs: t.endMs,
    traceIds: t.traceIds,
    steps: t.steps.map((s) => ({
      stepUuid: s.stepUuid,
      stepName: s.stepName,
      state: s.state,
      attempts: s.attempts.length,
    })),
  }));
  writeFileSync(files.tasks, JSON.stringify({ seed: batch.seed, tasks: summary }, null, 2));
  writeFileSync(files.traces, JSON.stringify(traceFrames(batch, settings)));
  writeFileSync(files.search, JSON.stringify(searchFrame(batch, { limit: 1000 }, settings)));
  writeFileSync(files.logs, JSON.stringify(logRows(batch, settings)));
  return files;
}
