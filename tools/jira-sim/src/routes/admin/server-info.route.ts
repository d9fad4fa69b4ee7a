/** GET /rest/api/3/serverInfo — anonymous; serverTime is the simulator clock. */
import type { RouteDef } from '../../http/route-types.js';
import { formatJiraTime } from '../../util/jira-time.js';
import { SITE_DEFAULT_TIME_ZONE } from '../../serializers/view-context.js';

export const serverInfoRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/serverInfo',
  scope: null,
  handler: (request) => ({
    status: 200,
    body: {
      baseUrl: request.siteUrl,
      displayUrl: request.siteUrl,
      version: '1001.0.0-SNAPSHOT',
      versionNumbers: [1001, 0, 0],
      deploymentType: 'Cloud',
      buildNumber: 100_298,
      buildDate: '2026-11-20T00:00:00.000+0000',
      serverTime: formatJiraTime(request.runtime.clock.now(), request.caller.user?.timeZone ?? SITE_DEFAULT_TIME_ZONE),
      scmInfo: 'jira-sim',
      serverTitle: request.site.name,
      serverTimeZone: SITE_DEFAULT_TIME_ZONE,
    },
  }),
};
