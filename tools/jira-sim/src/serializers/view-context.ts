/** What a serializer needs to know about the request: link base and the viewer's time zone. */
import type { SiteState } from '../model/site-state.js';
import type { User } from '../model/types.js';
import { formatJiraTime } from '../util/jira-time.js';

export const SITE_DEFAULT_TIME_ZONE = 'UTC';

export interface ViewContext {
  site: SiteState;
  siteUrl: string;
  viewer?: User;
  timeZone: string;
}

/** Builds a view context for a viewer (anonymous callers see the site default zone). */
export function viewContext(site: SiteState, siteUrl: string, viewer?: User): ViewContext {
  return { site, siteUrl, viewer, timeZone: viewer?.timeZone ?? SITE_DEFAULT_TIME_ZONE };
}

/** Formats an instant in the viewer's zone. */
export function time(view: ViewContext, epochMs: number): string {
  return formatJiraTime(epochMs, view.timeZone);
}
