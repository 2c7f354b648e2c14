import React from 'react';
import { Alert } from '@grafana/ui';

/** Grafana's AppRootPage answer to a page the user may not open; the sandbox adds which rule refused it. */
export function AccessDenied({ reason }: { reason: string }) {
  return (
    <Alert severity="warning" title="Access denied" data-testid="sandbox-access-denied">
      You do not have permission to see this page.
      <div>Sandbox: {reason}.</div>
    </Alert>
  );
}
