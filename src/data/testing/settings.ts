import { resolveAppSettings } from '../../settings/defaults';
import type { AppJsonData, ResolvedSettings } from '../../settings/types';

/** Settings as the pages see them, from jsonData over the defaults. */
export function testSettings(jsonData: AppJsonData = {}): ResolvedSettings {
  return resolveAppSettings(jsonData);
}
