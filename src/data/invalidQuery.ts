import { DataError } from './errors';

/**
 * A builder rejected an input (a filter value or a setting). The query core's errors carry `field`/`setting`
 * and `expected`; their message already says which value and why.
 */
export function invalidQuery(e: unknown, what: string): DataError | undefined {
  if (typeof e !== 'object' || e === null) {
    return undefined;
  }
  const expected = (e as { expected?: unknown }).expected;
  const setting = (e as { setting?: unknown }).setting;
  if (typeof expected !== 'string') {
    return undefined;
  }
  const message = e instanceof Error ? e.message : `expected ${expected}`;
  return new DataError(
    'invalid_query',
    `The ${what} cannot be built: ${message}`,
    typeof setting === 'string'
      ? 'Fix this setting on the app configuration page.'
      : 'Correct the highlighted filter value.'
  );
}

/** Runs a query builder; its validation errors become DataError('invalid_query'). */
export function buildOrThrow<T>(build: () => T, what: string): T {
  try {
    return build();
  } catch (e) {
    throw invalidQuery(e, what) ?? e;
  }
}
