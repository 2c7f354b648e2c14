import React from 'react';
import { LinkButton } from '@grafana/ui';
import { prefixRoute, ROUTES } from '../../constants';
import type { TaskFlow } from '../../flow/types';

/**
 * On a one-trace flow whose spans name their task: a way on to the whole task. A log line that carries only a
 * trace_id (tasker-core's OTLP logs) reaches its task through here.
 */
export function TaskOfTraceLink({ flow }: { flow: TaskFlow }) {
  const id = flow.taskUuid ?? flow.correlationId;
  if (!id) {
    return null;
  }
  return (
    <LinkButton
      size="sm"
      variant="secondary"
      icon="sitemap"
      href={`${prefixRoute(ROUTES.Tasks)}/${encodeURIComponent(id)}`}
      data-testid="flow-open-task"
      tooltip="Every trace of the task this trace belongs to"
    >
      Open the whole task
    </LinkButton>
  );
}
