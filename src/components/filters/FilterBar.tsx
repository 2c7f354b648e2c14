import React, { type FormEvent } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, SelectableValue } from '@grafana/data';
import { Button, Field, Input, MultiSelect, Select, useStyles2 } from '@grafana/ui';
import type { SpanStatus, TaskFilter } from '../../query/types';
import type { FilterErrors } from './filterErrors';

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
  const text =
    (key: 'correlationId' | 'taskUuid' | 'stepUuid' | 'taskName' | 'minDuration' | 'maxDuration' | 'text') =>
    (e: FormEvent<HTMLInputElement>) =>
      set(key, e.currentTarget.value);
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
    <form className={styles.form} onSubmit={submit} aria-label="Filters" data-testid="filter-bar">
      <div className={styles.fields}>
        <Field label="correlation_id" invalid={Boolean(errors.correlationId)} error={errors.correlationId}>
          <Input
            value={value.correlationId ?? ''}
            onChange={text('correlationId')}
            placeholder="UUID"
            width={40}
            data-testid="tasks-filter-correlation-id"
          />
        </Field>
        <Field label="task_uuid" invalid={Boolean(errors.taskUuid)} error={errors.taskUuid}>
          <Input
            value={value.taskUuid ?? ''}
            onChange={text('taskUuid')}
            placeholder="UUID"
            width={40}
            data-testid="tasks-filter-task-uuid"
          />
        </Field>
        <Field label="step_uuid" invalid={Boolean(errors.stepUuid)} error={errors.stepUuid}>
          <Input
            value={value.stepUuid ?? ''}
            onChange={text('stepUuid')}
            placeholder="UUID"
            width={40}
            data-testid="tasks-filter-step-uuid"
          />
        </Field>
        <Field
          label="Namespace"
          invalid={Boolean(errors.namespace)}
          error={errors.namespace}
          description={namespaceHint}
          data-testid="tasks-filter-namespace"
        >
          <MultiSelect<string>
            options={nsOptions}
            value={value.namespace ?? []}
            onChange={(items) =>
              set(
                'namespace',
                items.map((i) => i.value).filter((v): v is string => Boolean(v))
              )
            }
            placeholder="Any namespace"
            allowCustomValue
            aria-label="Namespace"
            width={28}
          />
        </Field>
        <Field label="Task name" invalid={Boolean(errors.taskName)} error={errors.taskName}>
          <Input
            value={value.taskName ?? ''}
            onChange={text('taskName')}
            placeholder="e.g. process_order"
            data-testid="tasks-filter-task-name"
          />
        </Field>
        <Field
          label="Service"
          invalid={Boolean(errors.services)}
          error={errors.services}
          data-testid="tasks-filter-service"
        >
          <MultiSelect<string>
            options={svcOptions}
            value={value.services ?? []}
            onChange={(items) =>
              set(
                'services',
                items.map((i) => i.value).filter((v): v is string => Boolean(v))
              )
            }
            placeholder="Any Tasker service"
            allowCustomValue
            aria-label="Service"
            width={28}
          />
        </Field>
        {mode === 'tasks' && (
          <>
            <Field
              label="Status"
              invalid={Boolean(errors.status)}
              error={errors.status}
              data-testid="tasks-filter-status"
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
            <Field label="Min duration" invalid={Boolean(errors.minDuration)} error={errors.minDuration}>
              <Input
                value={value.minDuration ?? ''}
                onChange={text('minDuration')}
                placeholder="e.g. 250ms"
                width={14}
                data-testid="tasks-filter-min-duration"
              />
            </Field>
            <Field label="Max duration" invalid={Boolean(errors.maxDuration)} error={errors.maxDuration}>
              <Input
                value={value.maxDuration ?? ''}
                onChange={text('maxDuration')}
                placeholder="e.g. 2s"
                width={14}
                data-testid="tasks-filter-max-duration"
              />
            </Field>
          </>
        )}
        {mode === 'logs' && (
          <>
            <Field label="Line contains" invalid={Boolean(errors.text)} error={errors.text}>
              <Input
                value={value.text ?? ''}
                onChange={text('text')}
                placeholder="text"
                data-testid="logs-filter-text"
              />
            </Field>
            <Field label="Level" invalid={Boolean(errors.level)} error={errors.level} data-testid="logs-filter-level">
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
        <Button type="submit" icon="search" disabled={invalid} data-testid="filter-submit">
          Search
        </Button>
        <Button
          type="button"
          variant="secondary"
          fill="outline"
          onClick={() => onChange({})}
          data-testid="filter-clear"
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
