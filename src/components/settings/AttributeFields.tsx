import React from 'react';
import type { SelectableValue } from '@grafana/data';
import { Field, Input, Select, Stack } from '@grafana/ui';
import { ATTRIBUTE_FIELDS, type ResolvedQuerySettings } from '../../query';
import type { AttributeField, AttributeScope } from '../../query/types';
import type { SettingsErrors } from './settingsForm';
import { testIds } from '../../testIds';

const LABELS: Record<AttributeField, string> = {
  correlationId: 'Correlation id',
  taskUuid: 'Task uuid',
  stepUuid: 'Step uuid',
  namespace: 'Namespace',
  taskName: 'Task name',
  stepName: 'Step name',
};

const SCOPES: Array<SelectableValue<AttributeScope>> = [
  { label: 'span', value: 'span', description: 'span.<key>' },
  { label: 'resource', value: 'resource', description: 'resource.<key>' },
  { label: 'any', value: 'any', description: '.<key> (either scope)' },
];

/** Field hands `invalid` to its child; a plain Stack would pass it on to the DOM. */
function Row({ children }: { children: React.ReactNode; invalid?: boolean }) {
  return (
    <Stack direction="row" gap={1}>
      {children}
    </Stack>
  );
}

export interface AttributeFieldsProps {
  query: ResolvedQuerySettings;
  errors: SettingsErrors;
  onChange: (query: ResolvedQuerySettings) => void;
}

/** Scope and key of each span attribute Tasker's ids live in. */
export function AttributeFields({ query, errors, onChange }: AttributeFieldsProps) {
  return (
    <>
      {ATTRIBUTE_FIELDS.map((field) => {
        const ref = query.attributes[field];
        const set = (patch: Partial<typeof ref>) =>
          onChange({ ...query, attributes: { ...query.attributes, [field]: { ...ref, ...patch } } });
        const error = errors[`attributes.${field}`];
        return (
          <Field key={field} label={LABELS[field]} invalid={Boolean(error)} error={error}>
            <Row>
              <Select<AttributeScope>
                options={SCOPES}
                value={ref.scope}
                onChange={(item) => item.value && set({ scope: item.value })}
                width={14}
                aria-label={`${LABELS[field]} scope`}
              />
              <Input
                value={ref.key}
                onChange={(e) => set({ key: e.currentTarget.value })}
                width={30}
                aria-label={`${LABELS[field]} attribute key`}
                data-testid={testIds.settings.attribute(field)}
              />
            </Row>
          </Field>
        );
      })}
    </>
  );
}
