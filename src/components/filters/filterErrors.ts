import { InvalidQueryInputError, buildTraceQL } from '../../query';
import type { TaskFilter } from '../../query/types';

export type FilterErrors = Partial<Record<keyof TaskFilter, string>>;

/**
 * Per-field messages for the filter bar; empty when every field is usable. The query core has no validateFilter
 * (yet), so each field is run alone through its checks (then the whole filter, for cross-field rules such as
 * min > max duration); its typed errors name the field and what is expected.
 */
export function filterErrors(filter: TaskFilter): FilterErrors {
  const errors: FilterErrors = {};
  const keys = Object.keys(filter) as Array<keyof TaskFilter>;
  const check = (f: TaskFilter) => {
    try {
      buildTraceQL(f);
    } catch (e) {
      if (e instanceof InvalidQueryInputError && e.field in filter) {
        errors[e.field as keyof TaskFilter] ??= `Expected ${e.expected}`;
      }
    }
  };
  for (const key of keys) {
    check({ [key]: filter[key] });
  }
  check(filter);
  return errors;
}

export function hasErrors(errors: FilterErrors): boolean {
  return Object.keys(errors).length > 0;
}
