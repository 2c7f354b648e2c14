import { filterFromParams, filterToParams, sameFilter } from './filterParams';
import { rangeFromParams } from './timeParams';

describe('filter URL parameters', () => {
  it('round-trips every field, lists as repeated parameters, and keeps other parameters', () => {
    const filter = {
      correlationId: 'c',
      taskUuid: 't',
      stepUuid: 's',
      namespace: ['a', 'b & c'],
      taskName: 'x=y',
      status: 'error' as const,
      minDuration: '1s',
      maxDuration: '2s',
      services: ['tasker-orchestration'],
      text: 'héllo "world"',
      level: 'warn',
    };
    const params = filterToParams(filter, new URLSearchParams('sort=start&from=now-1h'));
    expect(params.getAll('namespace')).toEqual(['a', 'b & c']);
    expect(params.get('sort')).toBe('start');
    expect(filterFromParams(new URLSearchParams(params.toString()))).toEqual(filter);
  });

  it('drops blank fields and replaces old filter parameters', () => {
    const params = filterToParams({ taskName: '  ', namespace: [] }, new URLSearchParams('task_name=old&namespace=n'));
    expect(params.toString()).toBe('');
    expect(sameFilter({ taskName: '' }, {})).toBe(true);
    expect(sameFilter({ taskName: 'a' }, {})).toBe(false);
  });
});

describe('time range parameters', () => {
  it('reads relative and epoch-ms edges, falls back to the last hour, and puts a reversed range right', () => {
    expect(rangeFromParams('now-6h', 'now').raw).toEqual({ from: 'now-6h', to: 'now' });
    const abs = rangeFromParams('1764133200000', '1764136800000');
    expect(abs.from.valueOf()).toBe(1764133200000);
    expect(rangeFromParams('garbage', null).raw).toEqual({ from: 'now-1h', to: 'now' });
    const reversed = rangeFromParams('1764136800000', '1764133200000');
    expect(reversed.from.valueOf()).toBeLessThan(reversed.to.valueOf());
  });
});
