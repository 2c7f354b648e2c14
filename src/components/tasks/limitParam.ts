import { MAX_SEARCH_LIMIT } from '../../settings/defaults';

/** The `limit` URL parameter, or the fallback when absent or unusable. */
export function limitFromParams(params: URLSearchParams, fallback: number, max = MAX_SEARCH_LIMIT): number {
  const n = Number(params.get('limit'));
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}
