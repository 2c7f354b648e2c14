import React from 'react';
import { PluginPage } from '@grafana/runtime';

// Placeholder until the pages issue lands.
function LogsPage() {
  return <PluginPage>LogsPage</PluginPage>;
}

export default LogsPage;
