import type { DataFrame } from '@grafana/data';
import { normalizeTraceId } from '../query';
import { rowCount } from './frames';

/** Spans kept at most across all cached traces: a few large tasks, far below what a tab can hold. */
export const DEFAULT_CACHE_SPANS = 250_000;

/**
 * Trace frames by trace id, least recently used first out once the cached spans exceed the bound. Going back to a
 * task (or forward again) then shows its flow at once instead of fetching every trace again. A trace bigger than
 * the whole bound is not kept.
 */
export class TraceCache {
  private readonly entries = new Map<string, { frames: DataFrame[]; spans: number }>();
  private spans = 0;

  constructor(readonly maxSpans = DEFAULT_CACHE_SPANS) {}

  private key(datasourceUid: string, traceId: string): string {
    return `${datasourceUid}\u0000${normalizeTraceId(traceId) ?? traceId}`;
  }

  get(datasourceUid: string, traceId: string): DataFrame[] | undefined {
    const key = this.key(datasourceUid, traceId);
    const entry = this.entries.get(key);
    if (entry) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry?.frames;
  }

  set(datasourceUid: string, traceId: string, frames: DataFrame[]): void {
    const key = this.key(datasourceUid, traceId);
    this.delete(key);
    const spans = frames.reduce((n, f) => n + rowCount(f), 0);
    if (spans > this.maxSpans) {
      return;
    }
    this.entries.set(key, { frames, spans });
    this.spans += spans;
    for (const [oldest, entry] of this.entries) {
      if (this.spans <= this.maxSpans) {
        break;
      }
      this.entries.delete(oldest);
      this.spans -= entry.spans;
    }
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.spans -= entry.spans;
    }
  }

  /** Spans held now (for tests and the bound). */
  get size(): { traces: number; spans: number } {
    return { traces: this.entries.size, spans: this.spans };
  }

  clear(): void {
    this.entries.clear();
    this.spans = 0;
  }
}

/** Tasks remembered at most (their trace ids only: a few hundred bytes each). */
export const MAX_REMEMBERED_TASKS = 200;

/**
 * The trace ids a task was last made of, so that going back to it can show the cached traces at once, before the
 * searches that check for new ones answer.
 */
export class TaskMemory {
  private readonly tasks = new Map<string, string[]>();

  constructor(readonly maxTasks = MAX_REMEMBERED_TASKS) {}

  remember(datasourceUid: string, taskId: string, traceIds: string[]): void {
    const key = `${datasourceUid}\u0000${taskId.trim().toLowerCase()}`;
    this.tasks.delete(key);
    this.tasks.set(key, traceIds);
    for (const oldest of this.tasks.keys()) {
      if (this.tasks.size <= this.maxTasks) {
        break;
      }
      this.tasks.delete(oldest);
    }
  }

  clear(): void {
    this.tasks.clear();
  }

  recall(datasourceUid: string, taskId: string): string[] | undefined {
    return this.tasks.get(`${datasourceUid}\u0000${taskId.trim().toLowerCase()}`);
  }
}

/** The app's caches: module state, so they outlive the pages (back and forward remount them). */
export const traceCache = new TraceCache();
export const taskMemory = new TaskMemory();

/** Forgets every cached trace and task (tests start from nothing). */
export function clearTraceCaches(): void {
  traceCache.clear();
  taskMemory.clear();
}
