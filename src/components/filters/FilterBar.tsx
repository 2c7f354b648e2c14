import React, { type FormEvent } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, SelectableValue } from '@grafana/data';
import { Button, Field, Input, MultiSelect, Select, useStyles2 } from '@grafana/ui';
import type { SpanStatus, TaskFilter } from '../../query/types';
import type { FilterErrors } from './filterErrors';
import { testIds } from '../../testIds';

export interface FilterBarProps {
  value: TaskFilter;
  onChange: (next: TaskFilter) => void;
  /** Runs the search (button or Enter). Not called while a field is invalid. */
  onSubmit: () => void;
  errors: FilterErrors;
  namespaceOptions: string[];
  serviceOptions: string[];
  /** 'tasks' shows status and duration (TraceQL); 'logs' shows text and level (LogQL). */
  mode: 'tasks' | 'logs';
  /** Explains why the namespace values could not be loaded. */
  namespaceHint?: string;
}

const STATUS_OPTIONS: Array<SelectableValue<SpanStatus>> = [
  { label: 'Error', value: 'error', description: 'a span of the task failed' },
  { label: 'Ok', value: 'ok' },
  { label: 'Unset', value: 'unset' },
];

const LEVEL_OPTIONS: Array<SelectableValue<string>> = ['error', 'warn', 'info', 'debug', 'trace'].map((l) => ({
  label: l,
  value: l,
}));

type TextKey = 'correlationId' | 'taskUuid' | 'stepUuid' | 'taskName' | 'minDuration' | 'maxDuration' | 'text';

/** The free-text fields: label, hint, width and test id (the id keeps its historical `tasks-` prefix). */
const TEXT_FIELDS: Record<TextKey, { label: string; placeholder: string; width?: number; testId: string }> = {
  correlationId: { label: 'correlation_id', placeholder: 'UUID', width: 40, testId: testIds.filters.correlationId },
  taskUuid: { label: 'task_uuid', placeholder: 'UUID', width: 40, testId: testIds.filters.taskUuid },
  stepUuid: { label: 'step_uuid', placeholder: 'UUID', width: 40, testId: testIds.filters.stepUuid },
  taskName: { label: 'Task name', placeholder: 'e.g. process_order', testId: testIds.filters.taskName },
  minDuration: { label: 'Min duration', placeholder: 'e.g. 250ms', width: 14, testId: testIds.filters.minDuration },
  maxDuration: { label: 'Max duration', placeholder: 'e.g. 2s', width: 14, testId: testIds.filters.maxDuration },
  text: { label: 'Line contains', placeholder: 'text', testId: testIds.filters.logText },
};

type MultiKey = 'namespace' | 'services';

/** The several-value fields (any typed value allowed). */
const MULTI_FIELDS: Record<MultiKey, { label: string; placeholder: string; testId: string }> = {
  namespace: { label: 'Namespace', placeholder: 'Any namespace', testId: testIds.filters.namespace },
  services: { label: 'Service', placeholder: 'Any Tasker service', testId: testIds.filters.services },
};

function toOptions(values: readonly string[]): Array<SelectableValue<string>> {
  return values.map((v) => ({ label: v, value: v }));
}

/** The filter fields shared by the Tasks and Logs pages, with inline errors from the query core. */
export function FilterBar({
  value,
  onChange,
  onSubmit,
  errors,
  namespaceOptions,
  serviceOptions,
  mode,
  namespaceHint,
}: FilterBarProps) {
  const styles = useStyles2(getStyles);
  const invalid = Object.keys(errors).length > 0;
  const set = <K extends keyof TaskFilter>(key: K, v: TaskFilter[K]) => {
    const next = { ...value };
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) {
      delete next[key];
    } else {
      next[key] = v;
    }
    onChange(next);
  };
  const textField = (key: TextKey) => {
    const { label, placeholder, width, testId } = TEXT_FIELDS[key];
    return (
      <Field label={label} invalid={Boolean(errors[key])} error={errors[key]}>
        <Input
          value={value[key] ?? ''}
          onChange={(e: FormEvent<HTMLInputElement>) => set(key, e.currentTarget.value)}
          placeholder={placeholder}
          width={width}
          data-testid={testId}
        />
      </Field>
    );
  };
  const multiField = (key: MultiKey, options: Array<SelectableValue<string>>, description?: string) => {
    const { label, placeholder, testId } = MULTI_FIELDS[key];
    return (
      <Field
        label={label}
        invalid={Boolean(errors[key])}
        error={errors[key]}
        description={description}
        data-testid={testId}
      >
        <MultiSelect<string>
          options={options}
          value={value[key] ?? []}
          onChange={(items) =>
            set(
              key,
              items.map((i) => i.value).filter((v): v is string => Boolean(v))
            )
          }
          placeholder={placeholder}
          allowCustomValue
          aria-label={label}
          width={28}
        />
      </Field>
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!invalid) {
      onSubmit();
    }
  };
  // Selected values not among the options (from a shared URL) must still show.
  const nsOptions = toOptions([...new Set([...namespaceOptions, ...(value.namespace ?? [])])]);
  const svcOptions = toOptions([...new Set([...serviceOptions, ...(value.services ?? [])])]);

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Filters" data-testid={testIds.filters.bar}>
      <div className={styles.fields}>
        {textField('correlationId')}
        {textField('taskUuid')}
        {textField('stepUuid')}
        {multiField('namespace', nsOptions, namespaceHint)}
        {textField('taskName')}
        {multiField('services', svcOptions)}
        {mode === 'tasks' && (
          <>
            <Field
              label="Status"
              invalid={Boolean(errors.status)}
              error={errors.status}
              data-testid={testIds.filters.status}
            >
              <Select<SpanStatus>
                options={STATUS_OPTIONS}
                value={value.status ?? null}
                onChange={(item) => set('status', item?.value)}
                isClearable
                placeholder="Any status"
                aria-label="Status"
                width={16}
              />
            </Field>
            {textField('minDuration')}
            {textField('maxDuration')}
          </>
        )}
        {mode === 'logs' && (
          <>
            {textField('text')}
            <Field
              label="Level"
              invalid={Boolean(errors.level)}
              error={errors.level}
              data-testid={testIds.filters.logLevel}
            >
              <Select<string>
                options={LEVEL_OPTIONS}
                value={value.level ?? null}
                onChange={(item) => set('level', item?.value)}
                isClearable
                placeholder="Any level"
                aria-label="Level"
                width={16}
              />
            </Field>
          </>
        )}
      </div>
      <div className={styles.actions}>
        <Button type="submit" icon="search" disabled={invalid} data-testid={testIds.filters.submit}>
          Search
        </Button>
        <Button
          type="button"
          variant="secondary"
          fill="outline"
          onClick={() => onChange({})}
          data-testid={testIds.filters.clear}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  form: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  }),
  fields: css({
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: theme.spacing(2),
    alignItems: 'flex-start',
    '& > div': { marginBottom: theme.spacing(1) },
  }),
  actions: css({
    display: 'flex',
    gap: theme.spacing(1),
  }),
});
