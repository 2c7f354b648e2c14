import { cancelled } from './errors';

export interface SettledResult<R> {
  ok: boolean;
  value?: R;
  error?: unknown;
}

/**
 * Runs `fn` over `items` with at most `concurrency` calls in flight, keeping input order in the results.
 * A failure does not stop the others; an aborted signal stops starting new calls and rejects.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal
): Promise<Array<SettledResult<R>>> {
  const limit = Math.max(1, Math.floor(concurrency) || 1);
  const results: Array<SettledResult<R>> = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      if (signal?.aborted) {
        return;
      }
      const i = next++;
      try {
        results[i] = { ok: true, value: await fn(items[i], i) };
      } catch (error) {
        results[i] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (signal?.aborted) {
    throw cancelled('Loading the traces');
  }
  return results;
}
