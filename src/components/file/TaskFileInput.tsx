import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Field, FileDropzone, FileDropzoneDefaultChildren, useStyles2 } from '@grafana/ui';
import { MAX_TASK_FILE_BYTES } from '../../taskfile';
import { testIds } from '../../testIds';

export const TASK_FILE_INPUT_ID = 'tasker-task-file';

export interface TaskFileInputProps {
  onFile: (file: File) => void;
  /** More than one file was dropped. */
  onReject: (fileName: string, message: string) => void;
}

const LIMIT_MB = Math.round(MAX_TASK_FILE_BYTES / (1024 * 1024));

/** The "Task file" input and drop zone. The page reads the file itself, so the size limit has its own message. */
export function TaskFileInput({ onFile, onReject }: TaskFileInputProps) {
  const styles = useStyles2(getStyles);
  return (
    // The description sits outside the label, so the input's accessible name is exactly "Task file".
    <Field label="Task file" htmlFor={TASK_FILE_INPUT_ID}>
      <div data-testid={testIds.file.input}>
        <p className={styles.description} id={`${TASK_FILE_INPUT_ID}-help`}>
          OTLP/JSON (as Export writes it, or Tempo&apos;s trace JSON) or Jaeger JSON, up to {LIMIT_MB} MB. The file is
          read in your browser and sent nowhere.
        </p>
        <FileDropzone
          id={TASK_FILE_INPUT_ID}
          options={{
            multiple: false,
            onDrop: (accepted, rejected) => {
              if (accepted.length === 1) {
                onFile(accepted[0]);
              } else if (rejected.length > 0) {
                // The content decides what a file is, not its name: only "several files at once" is refused here.
                onReject(rejected.map((r) => r.file.name).join(', '), 'Open one task file at a time.');
              }
            },
          }}
          fileListRenderer={() => null}
        >
          <FileDropzoneDefaultChildren primaryText="Drop a task file here or click to choose one" />
        </FileDropzone>
      </div>
    </Field>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  description: css({
    margin: theme.spacing(0, 0, 1),
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
