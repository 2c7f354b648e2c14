import { FieldType, type DataFrame } from '@grafana/data';
import { TaskMemory, TraceCache } from './traceCache';

function frameOf(spans: number): DataFrame[] {
  const ids = Array.from({ length: spans }, (_, i) => String(i).padStart(16, '0'));
  return [
    { name: 'Trace', length: spans, fields: [{ name: 'spanID', type: FieldType.string, config: {}, values: ids }] },
  ];
}

describe('TraceCache', () => {
  it('finds a trace by id whatever its case or leading zeros, per datasource', () => {
    const cache = new TraceCache();
    const frames = frameOf(3);
    cache.set('tempo', '00ABC', frames);
    expect(cache.get('tempo', 'abc')).toBe(frames);
    expect(cache.get('tempo', '0'.repeat(29) + 'abc')).toBe(frames);
    expect(cache.get('other-tempo', 'abc')).toBeUndefined();
  });

  it('drops the least recently used traces once the spans exceed the bound', () => {
    const cache = new TraceCache(10);
    cache.set('t', 'a', frameOf(4));
    cache.set('t', 'b', frameOf(4));
    // Reading a makes b the least recently used.
    expect(cache.get('t', 'a')).toBeDefined();
    cache.set('t', 'c', frameOf(4));
    expect(cache.get('t', 'b')).toBeUndefined();
    expect(cache.get('t', 'a')).toBeDefined();
    expect(cache.get('t', 'c')).toBeDefined();
    expect(cache.size).toEqual({ traces: 2, spans: 8 });
  });

  it('does not keep a trace bigger than the whole bound, and replaces a trace set twice', () => {
    const cache = new TraceCache(10);
    cache.set('t', 'a', frameOf(3));
    cache.set('t', 'huge', frameOf(11));
    expect(cache.get('t', 'huge')).toBeUndefined();
    cache.set('t', 'a', frameOf(5));
    expect(cache.size).toEqual({ traces: 1, spans: 5 });
  });
});

describe('TaskMemory', () => {
  it('remembers the trace ids of the latest tasks, by id in any case', () => {
    const memory = new TaskMemory(2);
    memory.remember('tempo', 'Task-1', ['a']);
    memory.remember('tempo', 'task-2', ['b']);
    memory.remember('tempo', 'task-3', ['c']);
    expect(memory.recall('tempo', 'task-1')).toBeUndefined();
    expect(memory.recall('tempo', 'TASK-2')).toEqual(['b']);
    expect(memory.recall('loki', 'task-3')).toBeUndefined();
  });
});
