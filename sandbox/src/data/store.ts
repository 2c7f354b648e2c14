import type { DemoData, DemoTaskInfo, StoredLog, StoredSpan } from './model';

/** Spans grouped by trace and logs in time order: what the stand-in datasources query. */
export class TelemetryStore {
  private readonly traces = new Map<string, StoredSpan[]>();
  private readonly lazy: Array<{ task: DemoTaskInfo; load: () => StoredSpan[] }> = [];
  readonly tasks: DemoTaskInfo[] = [];
  logs: StoredLog[] = [];

  add(data: DemoData): void {
    for (const s of data.spans) {
      let list = this.traces.get(s.traceId);
      if (!list) {
        list = [];
        this.traces.set(s.traceId, list);
      }
      list.push(s);
    }
    this.logs = this.logs.concat(data.logs).sort((a, b) => a.timeMs - b.timeMs);
    this.tasks.push(...data.tasks);
  }

  /** Registers data that is built on the first query (a 100k-span task costs ~100 ms and ~30 MB). */
  addLazy(task: DemoTaskInfo, load: () => StoredSpan[]): void {
    this.tasks.push(task);
    this.lazy.push({ task, load });
  }

  private materialize(): void {
    while (this.lazy.length > 0) {
      const item = this.lazy.shift()!;
      const spans = item.load();
      item.task.spanCount = spans.length;
      this.add({ spans, logs: [], tasks: [] });
    }
  }

  trace(traceId: string): StoredSpan[] | undefined {
    this.materialize();
    return this.traces.get(traceId.toLowerCase());
  }

  allTraces(): IterableIterator<[string, StoredSpan[]]> {
    this.materialize();
    return this.traces.entries();
  }

  get spanCount(): number {
    let n = 0;
    for (const list of this.traces.values()) {
      n += list.length;
    }
    return n;
  }

  clear(): void {
    this.traces.clear();
    this.lazy.length = 0;
    this.tasks.length = 0;
    this.logs = [];
  }
}
