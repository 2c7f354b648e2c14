import { filterErrors, hasErrors } from './filterErrors';

describe('filterErrors', () => {
  it('is empty for a usable filter, blanks included', () => {
    expect(filterErrors({})).toEqual({});
    expect(filterErrors({ correlationId: '  ', namespace: ['payments'], minDuration: '250ms' })).toEqual({});
  });

  it('names each bad field with what is expected', () => {
    const errors = filterErrors({
      correlationId: 'abc',
      stepUuid: 'x',
      minDuration: 'soon',
      status: 'broken' as never,
    });
    expect(Object.keys(errors).sort()).toEqual(['correlationId', 'minDuration', 'status', 'stepUuid']);
    expect(errors.correlationId).toMatch(/^Expected a UUID/);
    expect(errors.minDuration).toMatch(/duration/);
    expect(hasErrors(errors)).toBe(true);
  });

  it('reports a minimum above the maximum on the minimum', () => {
    const errors = filterErrors({ minDuration: '2s', maxDuration: '1s' });
    expect(Object.keys(errors)).toEqual(['minDuration']);
    expect(errors.minDuration).toMatch(/not above maxDuration/);
  });
});
