import { config } from '@grafana/runtime';
import type { ExploreLinkContext } from './exploreUrl';

/** Grafana serves /explore only to users holding this action (a Viewer lacks it unless granted). */
const EXPLORE_ACTION = 'datasources:explore';

/**
 * The signed-in user's organisation and Grafana's sub path, read from Grafana's boot data when a link is made;
 * undefined when the user may not use Explore, so no link leads to a refusal.
 */
export function currentExploreContext(): ExploreLinkContext | undefined {
  const user = config.bootData?.user;
  if (!user?.permissions?.[EXPLORE_ACTION]) {
    return undefined;
  }
  return { orgId: user.orgId, appSubUrl: config.appSubUrl ?? '' };
}
