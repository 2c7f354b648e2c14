import type { SpanStatus, TaskFilter } from '../../query/types';

/** URL parameter of each filter field. List fields repeat the parameter (`namespace=a&namespace=b`). */
export const FILTER_PARAMS = {
  correlationId: 'correlation_id',
  taskUuid: 'task_uuid',
  stepUuid: 'step_uuid',
  namespace: 'namespace',
  taskName: 'task_name',
  status: 'status',
  minDuration: 'min_duration',
  maxDuration: 'max_duration',
  services: 'service',
  text: 'text',
  level: 'level',
} as const;

export type FilterParamField = keyof typeof FILTER_PARAMS;

const TEXT_FIELDS = [
  'correlationId',
  'taskUuid',
  'stepUuid',
  'taskName',
  'minDuration',
  'maxDuration',
  'text',
  'level',
] as const;

/** The filter in the URL. Values are kept as typed (validation happens in the query core). */
export function filterFromParams(params: URLSearchParams): TaskFilter {
  const filter: TaskFilter = {};
  for (const field of TEXT_FIELDS) {
    const v = params.get(FILTER_PARAMS[field]);
    if (v !== null && v !== '') {
      filter[field] = v;
    }
  }
  const namespace = params.getAll(FILTER_PARAMS.namespace).filter((v) => v !== '');
  if (namespace.length) {
    filter.namespace = namespace;
  }
  const services = params.getAll(FILTER_PARAMS.services).filter((v) => v !== '');
  if (services.length) {
    filter.services = services;
  }
  const status = params.get(FILTER_PARAMS.status);
  if (status) {
    filter.status = status as SpanStatus;
  }
  return filter;
}

/** A copy of `params` with the filter's fields replaced (other parameters such as from/to/sort are kept). */
export function filterToParams(filter: TaskFilter, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of Object.values(FILTER_PARAMS)) {
    next.delete(name);
  }
  for (const field of TEXT_FIELDS) {
    const v = filter[field];
    if (typeof v === 'string' && v.trim() !== '') {
      next.set(FILTER_PARAMS[field], v);
    }
  }
  for (const ns of filter.namespace ?? []) {
    next.append(FILTER_PARAMS.namespace, ns);
  }
  for (const svc of filter.services ?? []) {
    next.append(FILTER_PARAMS.services, svc);
  }
  if (filter.status) {
    next.set(FILTER_PARAMS.status, filter.status);
  }
  return next;
}

/** Same filter, ignoring blank fields and list order: avoids needless URL pushes and re-queries. */
export function sameFilter(a: TaskFilter, b: TaskFilter): boolean {
  return filterToParams(a, new URLSearchParams()).toString() === filterToParams(b, new URLSearchParams()).toString();
}
