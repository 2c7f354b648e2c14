import React, { useCallback } from 'react';
import { Button, ClipboardButton, Stack } from '@grafana/ui';
import type { TaskFlow } from '../../flow/types';
import { taskFileName, taskFileText } from '../../taskfile';
import { testIds } from '../../testIds';
import { downloadText } from './downloadText';

export interface ExportButtonsProps {
  flow: TaskFlow;
  /** The id the page was opened with, for the file name when the spans carry no task ids. */
  requestedId: string;
}

/**
 * "Export" downloads every span of the stitched task (all its traces) as OTLP/JSON, `tasker-task-<id>.json`;
 * "Copy as JSON" puts the same text on the clipboard. Built on click: a 100k-span task costs nothing until then.
 */
export function ExportButtons({ flow, requestedId }: ExportButtonsProps) {
  const onExport = useCallback(
    () => downloadText(taskFileName(flow, requestedId), taskFileText(flow)),
    [flow, requestedId]
  );
  return (
    <Stack gap={1} alignItems="center">
      <Button
        size="sm"
        variant="secondary"
        icon="download-alt"
        onClick={onExport}
        tooltip="Download every span of this task, all its traces, as OTLP/JSON"
        data-testid={testIds.file.export}
      >
        Export
      </Button>
      <ClipboardButton
        size="sm"
        variant="secondary"
        icon="copy"
        getText={() => taskFileText(flow)}
        data-testid={testIds.file.copyJson}
      >
        Copy as JSON
      </ClipboardButton>
    </Stack>
  );
}
