import { DEFAULT_TRACE_CONCURRENCY, MAX_TRACE_CONCURRENCY, resolveAppSettings } from './defaults';

describe('traceConcurrency', () => {
  it('defaults to the browser connections per host, and keeps saved values within 1 to 32', () => {
    expect(DEFAULT_TRACE_CONCURRENCY).toBe(6);
    expect(resolveAppSettings(undefined).traceConcurrency).toBe(6);
    expect(resolveAppSettings({ traceConcurrency: 12 }).traceConcurrency).toBe(12);
    expect(resolveAppSettings({ traceConcurrency: 0 }).traceConcurrency).toBe(6);
    expect(resolveAppSettings({ traceConcurrency: 1000 }).traceConcurrency).toBe(MAX_TRACE_CONCURRENCY);
  });
});
