import React from 'react';
import { Alert } from '@grafana/ui';
import { testIds } from '../../testIds';

/**
 * Grafana rewrites a provisioned app's settings from its file at every start (pkg/services/provisioning/plugins),
 * so what is saved here is lost at the next restart unless the file changes too.
 */
export function ProvisionedNotice() {
  return (
    <Alert title="These settings come from provisioning" severity="info" data-testid={testIds.settings.provisioned}>
      Grafana wrote them from a provisioning file (provisioning/plugins/tasker-app.yaml in the Tasker stack) and writes
      them again from that file at its next restart. Changes saved here last until then; to keep them, make the same
      change in the file.
    </Alert>
  );
}
