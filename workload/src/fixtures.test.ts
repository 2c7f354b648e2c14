import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFixtures } from './fixtures';
import { simulate } from './simulate';

describe('writeFixtures', () => {
  it('writes tasks, trace frames, a search frame and log rows that parse back', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tasker-fixtures-'));
    try {
      const batch = simulate({ seed: 31, count: 4, shape: 'both', startMs: Date.UTC(2026, 10, 26) });
      const files = writeFixtures(batch, path.join(dir, 'out'));
      const tasks = JSON.parse(readFileSync(files.tasks, 'utf8'));
      expect(tasks.seed).toBe(31);
      expect(tasks.tasks.map((t: { correlationId: string }) => t.correlationId)).toEqual(
        batch.tasks.map((t) => t.correlationId)
      );
      const traces = JSON.parse(readFileSync(files.traces, 'utf8'));
      expect(traces.length).toBe(
        new Set([...batch.tasks.flatMap((t) => t.traceIds), ...batch.noise.map((s) => s.traceId)]).size
      );
      expect(traces[0].name).toBe('Trace');
      expect(JSON.parse(readFileSync(files.search, 'utf8')).name).toBe('Traces');
      expect(JSON.parse(readFileSync(files.logs, 'utf8')).length).toBe(batch.tasks.flatMap((t) => t.logs).length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
