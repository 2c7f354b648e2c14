// Typed errors of the query core. Messages are plain text for a user; values are quoted and cut short.

/** Names of the inputs a builder can reject: filter fields and the extra arguments of the specialised builders. */
export type QueryInputField =
  | 'correlationId'
  | 'taskUuid'
  | 'stepUuid'
  | 'namespace'
  | 'taskName'
  | 'stepName'
  | 'services'
  | 'status'
  | 'minDuration'
  | 'maxDuration'
  | 'text'
  | 'level'
  | 'taskId'
  | 'stepUuids'
  | 'traceId'
  | 'spanId'
  | 'range'
  | 'datasourceUid'
  | 'filter';

const MAX_SHOWN = 60;

/** Shows a rejected value in a message: JSON-quoted so control characters stay visible, and cut short. */
export function describeValue(value: unknown): string {
  if (typeof value !== 'string') {
    return value === null ? 'null' : typeof value;
  }
  const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
  return JSON.stringify(shown);
}

/** A filter value (or builder argument) that cannot become a query. */
export class InvalidQueryInputError extends Error {
  readonly field: QueryInputField;
  readonly expected: string;

  constructor(field: QueryInputField, expected: string, received: unknown) {
    super(`${field}: expected ${expected}, got ${describeValue(received)}`);
    this.name = 'InvalidQueryInputError';
    this.field = field;
    this.expected = expected;
  }
}

/** A configured setting (attribute key, regex, label name...) that cannot be used in a query. */
export class InvalidQuerySettingError extends Error {
  /** Dotted path inside QuerySettings, e.g. `attributes.namespace.key`. */
  readonly setting: string;
  readonly expected: string;

  constructor(setting: string, expected: string, received: unknown) {
    super(`Query setting ${setting}: expected ${expected}, got ${describeValue(received)}`);
    this.name = 'InvalidQuerySettingError';
    this.setting = setting;
    this.expected = expected;
  }
}
