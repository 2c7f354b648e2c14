import React from 'react';
import type { AppPluginMeta, PluginConfigPageProps } from '@grafana/data';
import type { AppJsonData } from '../settings/types';

export type AppConfigProps = PluginConfigPageProps<AppPluginMeta<AppJsonData>>;

// Placeholder until the pages issue lands.
function AppConfig(_props: AppConfigProps) {
  return <div>Configuration</div>;
}

export default AppConfig;
