import React from 'react';
import type { SelectableValue } from '@grafana/data';
import { Field, Input, Select } from '@grafana/ui';
import { LOG_MODES, type ResolvedQuerySettings } from '../../query';
import type { LogMode } from '../../query/types';
import type { SettingsErrors } from './settingsForm';
import { testIds } from '../../testIds';

const MODE_TEXT: Record<LogMode, string> = {
  'structured-metadata': 'OTLP logs: ids are structured metadata (Loki 3)',
  logfmt: 'ids parsed from logfmt key=value lines',
  json: 'ids parsed from JSON lines',
  'line-filter': 'plain text: ids matched inside the line',
};

/** The stream selector's two settings: name, label, description, test id. */
const STREAM_FIELDS: Array<['streamLabel' | 'streamRegex', string, string, string]> = [
  ['streamLabel', 'Stream label', "The Loki label that selects Tasker's streams", 'settings-stream-label'],
  ['streamRegex', 'Stream regex', 'RE2 regex the stream label must match', 'settings-stream-regex'],
];

const FIELD_LABELS: Array<[keyof ResolvedQuerySettings['logFields'], string]> = [
  ['correlationId', 'correlation_id field'],
  ['taskUuid', 'task_uuid field'],
  ['stepUuid', 'step_uuid field'],
  ['traceId', 'trace_id field'],
  ['spanId', 'span_id field'],
  ['level', 'level field'],
];

export interface LogFieldsProps {
  query: ResolvedQuerySettings;
  errors: SettingsErrors;
  onChange: (query: ResolvedQuerySettings) => void;
}

/** How Tasker's logs reach Loki: the mode, the stream selector and the names of the id fields. */
export function LogFields({ query, errors, onChange }: LogFieldsProps) {
  const modes: Array<SelectableValue<LogMode>> = LOG_MODES.map((m) => ({
    label: m,
    value: m,
    description: MODE_TEXT[m],
  }));
  return (
    <>
      <Field label="Log mode" invalid={Boolean(errors.logMode)} error={errors.logMode}>
        <Select<LogMode>
          options={modes}
          value={query.logMode}
          onChange={(item) => item.value && onChange({ ...query, logMode: item.value })}
          width={40}
          aria-label="Log mode"
        />
      </Field>
      {STREAM_FIELDS.map(([name, label, description, testId]) => (
        <Field key={name} label={label} description={description} invalid={Boolean(errors[name])} error={errors[name]}>
          <Input
            value={query[name]}
            onChange={(e) => onChange({ ...query, [name]: e.currentTarget.value })}
            width={40}
            data-testid={testId}
          />
        </Field>
      ))}
      {FIELD_LABELS.map(([name, label]) => {
        const error = errors[`logFields.${name}`];
        return (
          <Field key={name} label={label} invalid={Boolean(error)} error={error}>
            <Input
              value={query.logFields[name] ?? ''}
              onChange={(e) => onChange({ ...query, logFields: { ...query.logFields, [name]: e.currentTarget.value } })}
              width={40}
              data-testid={testIds.settings.logField(name)}
            />
          </Field>
        );
      })}
    </>
  );
}
