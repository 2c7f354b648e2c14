import React from 'react';
import { PluginPage } from '@grafana/runtime';

// Placeholder until the pages issue lands.
function TaskFlowPage() {
  return <PluginPage>TaskFlowPage</PluginPage>;
}

export default TaskFlowPage;
