import { useContext, useMemo } from 'react';
import { usePluginContext } from '@grafana/data';
import { AppJsonDataContext } from './AppJsonDataContext';
import { resolveAppSettings } from './defaults';
import type { AppJsonData, ResolvedSettings } from './types';

/** The app settings for the pages: jsonData from Grafana's plugin context (or App's props) over the defaults. */
export function useAppSettings(): ResolvedSettings {
  const pluginContext = usePluginContext<AppJsonData>();
  const fromProps = useContext(AppJsonDataContext);
  const jsonData = pluginContext?.meta?.jsonData ?? fromProps;
  return useMemo(() => resolveAppSettings(jsonData), [jsonData]);
}
