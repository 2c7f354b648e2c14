import React from 'react';
import type { SelectableValue } from '@grafana/data';
import { InlineField, Select } from '@grafana/ui';

const TASK_CHOICES = [20, 50, 100, 200, 500];

export interface LimitPickerProps {
  value: number;
  onChange: (n: number) => void;
  choices?: number[];
  tooltip?: string;
  testId?: string;
}

export function LimitPicker({
  value,
  onChange,
  choices = TASK_CHOICES,
  tooltip = 'Tasks listed at most (the newest first)',
  testId = 'tasks-limit',
}: LimitPickerProps) {
  const options: Array<SelectableValue<number>> = [...new Set([...choices, value])]
    .sort((a, b) => a - b)
    .map((n) => ({ label: String(n), value: n }));
  return (
    <InlineField label="Limit" tooltip={tooltip} data-testid={testId}>
      <Select<number>
        options={options}
        value={value}
        onChange={(item) => item.value !== undefined && onChange(item.value)}
        width={10}
        aria-label="Limit"
      />
    </InlineField>
  );
}
