import { createContext } from 'react';
import type { AppJsonData } from './types';

/**
 * The app's jsonData as App.tsx received it in its props. useAppSettings prefers Grafana's plugin context and
 * falls back to this, so the pages also work when a host (the sandbox) renders App without that context.
 */
export const AppJsonDataContext = createContext<AppJsonData | undefined>(undefined);
