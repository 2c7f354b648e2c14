// The one place that holds the query defaults, and the check of what an admin configures.
import { InvalidQuerySettingError } from './errors';
import { hasTemplateVariableShape } from './templateVariables';
import { formatTraceqlAttribute } from './traceqlAttribute';
import type { AttributeField, AttributeRef, LogMode, QuerySettings } from './types';
import { isWellFormedUnicode } from './unicode';

/** QuerySettings with every optional field filled in. */
export type ResolvedQuerySettings = QuerySettings & { logFields: Required<QuerySettings['logFields']> };

export const ATTRIBUTE_FIELDS: readonly AttributeField[] = [
  'correlationId',
  'taskUuid',
  'stepUuid',
  'namespace',
  'taskName',
  'stepName',
];

export const LOG_MODES: readonly LogMode[] = ['structured-metadata', 'logfmt', 'json', 'line-filter'];

export const DEFAULT_QUERY_SETTINGS: ResolvedQuerySettings = Object.freeze({
  attributes: Object.freeze({
    correlationId: Object.freeze({ scope: 'span', key: 'correlation_id' }),
    taskUuid: Object.freeze({ scope: 'span', key: 'task_uuid' }),
    stepUuid: Object.freeze({ scope: 'span', key: 'step_uuid' }),
    // Either scope: deployments may set the namespace as a resource attribute.
    namespace: Object.freeze({ scope: 'any', key: 'namespace' }),
    taskName: Object.freeze({ scope: 'span', key: 'task_name' }),
    stepName: Object.freeze({ scope: 'span', key: 'step_name' }),
  }) as Record<AttributeField, AttributeRef>,
  // Anchored explicitly: `tasker-orchestration`, `tasker-rust-worker`, ... and the SDK default `tasker-core`.
  serviceRegex: '^tasker-.+$',
  logMode: 'structured-metadata',
  // Loki 3 turns the OTLP resource attribute service.name into this label.
  streamLabel: 'service_name',
  streamRegex: 'tasker-.+',
  logFields: Object.freeze({
    correlationId: 'correlation_id',
    taskUuid: 'task_uuid',
    stepUuid: 'step_uuid',
    traceId: 'trace_id',
    spanId: 'span_id',
    // Loki 3 adds detected_level to every line (OTLP severity, logfmt/json level, or words like ERROR in text).
    level: 'detected_level',
    namespace: 'namespace',
    taskName: 'task_name',
    stepName: 'step_name',
  }),
}) as ResolvedQuerySettings;

const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkLabelName(setting: string, value: unknown): void {
  if (typeof value !== 'string' || !LABEL_NAME.test(value)) {
    throw new InvalidQuerySettingError(
      setting,
      'a Loki label name (letters, digits and _, not starting with a digit)',
      value
    );
  }
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function checkRegex(setting: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '' || !isWellFormedUnicode(value) || CONTROL.test(value)) {
    throw new InvalidQuerySettingError(setting, 'a non-empty RE2 regular expression without control characters', value);
  }
  // TraceQL strings have no escape for `$`, so Grafana would interpolate a variable-shaped part of this regex.
  if (hasTemplateVariableShape(value)) {
    throw new InvalidQuerySettingError(setting, 'a regex without Grafana variable syntax ($name, [[name]])', value);
  }
}

/**
 * Merges stored overrides (the app's jsonData.query) over the defaults and checks every value, so that a bad setting
 * fails with a message naming it instead of producing a broken query. Blank overrides keep the default.
 */
export function resolveQuerySettings(overrides?: Partial<QuerySettings> | null): ResolvedQuerySettings {
  const o = overrides ?? {};
  const pick = <T>(value: T | undefined, fallback: T): T =>
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '') ? fallback : value;

  const attributes = {} as Record<AttributeField, AttributeRef>;
  for (const field of ATTRIBUTE_FIELDS) {
    const given: Partial<AttributeRef> = o.attributes?.[field] ?? {};
    attributes[field] = {
      scope: pick(given.scope, DEFAULT_QUERY_SETTINGS.attributes[field].scope),
      key: pick(given.key, DEFAULT_QUERY_SETTINGS.attributes[field].key),
    };
  }
  const logFieldsGiven: Partial<QuerySettings['logFields']> = o.logFields ?? {};
  const logFields = {} as ResolvedQuerySettings['logFields'];
  for (const name of Object.keys(DEFAULT_QUERY_SETTINGS.logFields) as Array<keyof ResolvedQuerySettings['logFields']>) {
    logFields[name] = pick(logFieldsGiven[name], DEFAULT_QUERY_SETTINGS.logFields[name]);
  }
  const settings: ResolvedQuerySettings = {
    attributes,
    serviceRegex: pick(o.serviceRegex, DEFAULT_QUERY_SETTINGS.serviceRegex),
    logMode: pick(o.logMode, DEFAULT_QUERY_SETTINGS.logMode),
    streamLabel: pick(o.streamLabel, DEFAULT_QUERY_SETTINGS.streamLabel),
    streamRegex: pick(o.streamRegex, DEFAULT_QUERY_SETTINGS.streamRegex),
    logFields,
  };
  validateQuerySettings(settings);
  return settings;
}

/** Throws InvalidQuerySettingError for the first setting that cannot be used. */
export function validateQuerySettings(settings: ResolvedQuerySettings): void {
  for (const field of ATTRIBUTE_FIELDS) {
    formatTraceqlAttribute(settings.attributes[field], `attributes.${field}`);
  }
  checkRegex('serviceRegex', settings.serviceRegex);
  checkRegex('streamRegex', settings.streamRegex);
  if (!LOG_MODES.includes(settings.logMode)) {
    throw new InvalidQuerySettingError('logMode', `one of ${LOG_MODES.join(', ')}`, settings.logMode);
  }
  checkLabelName('streamLabel', settings.streamLabel);
  for (const [name, value] of Object.entries(settings.logFields)) {
    checkLabelName(`logFields.${name}`, value);
  }
}
