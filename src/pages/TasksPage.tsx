import React from 'react';
import { PluginPage } from '@grafana/runtime';

// Placeholder until the pages issue lands.
function TasksPage() {
  return <PluginPage>TasksPage</PluginPage>;
}

export default TasksPage;
