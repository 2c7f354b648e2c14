import React, { useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { dateTime, type GrafanaTheme2, type SelectableValue, type TimeRange } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, LoadingBar, RadioButtonList, useStyles2 } from '@grafana/ui';
import type { TaskFlow } from '../flow/types';
import { useAppSettings } from '../settings/useAppSettings';
import { TaskFlowView } from '../components/flow/TaskFlowView';
import { TaskFileInput } from '../components/file/TaskFileInput';
import { useTaskFile } from '../components/file/useTaskFile';
import { testIds } from '../testIds';

const FORMAT_NAMES = { otlp: 'OTLP/JSON', jaeger: 'Jaeger JSON' } as const;

/** The flow's own time span, for the parts of the view that take a range. */
function flowRange(flow: TaskFlow): TimeRange {
  const from = dateTime(flow.startMs);
  const to = dateTime(Math.max(flow.endMs, flow.startMs + 1));
  return { from, to, raw: { from, to } };
}

/**
 * `file`: open a task file (OTLP/JSON or Jaeger JSON) and see the same flow view as for a task in Tempo, without any
 * datasource. A file with several tasks offers a picker. Everything happens in the browser.
 */
function FilePage() {
  const styles = useStyles2(getStyles);
  const settings = useAppSettings();
  const { state, open, reject } = useTaskFile(settings.phaseRules);
  const [picked, setPicked] = useState<{ tasks: unknown; index: number }>({ tasks: undefined, index: 0 });
  const [selectedSpanId, setSelectedSpanId] = useState<string | undefined>();

  const tasks = state.status === 'loaded' ? state.tasks : undefined;
  // A new file starts on its first task.
  const index = picked.tasks === tasks ? picked.index : 0;
  const task = tasks?.[index];
  const range = useMemo(() => (task ? flowRange(task.flow) : undefined), [task]);
  const options: Array<SelectableValue<number>> = useMemo(
    () => (tasks ?? []).map((t, i) => ({ label: t.label, value: i })),
    [tasks]
  );

  return (
    <PluginPage>
      <div className={styles.page} data-testid={testIds.file.page}>
        <TaskFileInput
          onFile={(file) => {
            setSelectedSpanId(undefined);
            open(file);
          }}
          onReject={reject}
        />
        {state.status === 'reading' && (
          <div className={styles.reading}>
            <LoadingBar width={400} />
            <span className={styles.muted}>
              Reading <span className={styles.name}>{state.fileName}</span>…
            </span>
          </div>
        )}
        {state.status === 'error' && (
          <Alert severity="error" title={`${state.fileName} cannot be opened`} data-testid={testIds.file.error}>
            {state.message}
          </Alert>
        )}
        {state.status === 'loaded' && (
          <div className={styles.summary} data-testid={testIds.file.summary}>
            <span>
              <span className={styles.name}>{state.fileName}</span> · {FORMAT_NAMES[state.format]} ·{' '}
              {state.spanCount.toLocaleString('en-US')} spans · {state.tasks.length}{' '}
              {state.tasks.length === 1 ? 'task' : 'tasks'}
              {state.skipped > 0 && ` · ${state.skipped} spans without ids or start time left out`}
            </span>
          </div>
        )}
        {state.status === 'loaded' && state.tasks.length > 1 && (
          // Every task of the file in plain words, in start order; a list, not a menu, so each label reads in full.
          <fieldset className={styles.picker} data-testid={testIds.file.taskPicker}>
            <legend className={styles.legend}>Task ({state.tasks.length} in the file)</legend>
            <RadioButtonList<number>
              name="task-file-task"
              options={options}
              value={index}
              onChange={(value) => {
                setSelectedSpanId(undefined);
                setPicked({ tasks, index: value });
              }}
            />
          </fieldset>
        )}
        {task && range && state.status === 'loaded' && (
          <TaskFlowView
            key={`${state.fileName}:${index}`}
            flow={task.flow}
            mode="task"
            requestedId={task.id}
            range={range}
            settings={settings}
            selectedSpanId={selectedSpanId}
            onSelectSpan={setSelectedSpanId}
            fileName={state.fileName}
          />
        )}
      </div>
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
  }),
  reading: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  }),
  summary: css({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1, 2),
    color: theme.colors.text.secondary,
  }),
  picker: css({
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(1, 2),
    maxHeight: 240,
    overflow: 'auto',
  }),
  legend: css({
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    padding: theme.spacing(0, 0.5),
  }),
  muted: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  name: css({
    fontFamily: theme.typography.fontFamilyMonospace,
    overflowWrap: 'anywhere',
    unicodeBidi: 'isolate',
    color: theme.colors.text.primary,
  }),
});

export default FilePage;
