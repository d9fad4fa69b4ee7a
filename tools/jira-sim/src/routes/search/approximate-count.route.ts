/** POST /rest/api/3/search/approximate-count — `{"count":n}` for a bounded query (eventually consistent). */
import { HttpError } from '../../http/http-error.js';
import type { RouteDef } from '../../http/route-types.js';
import { runSearch } from '../../search/run-search.js';
import { jsonBody, requireJsonContent, siteRuntimeOf } from '../route-helpers.js';

export const approximateCountRoute: RouteDef = {
  method: 'POST',
  path: '/rest/api/3/search/approximate-count',
  scope: 'read:jira-work',
  handler: (request) => {
    requireJsonContent(request);
    const body = jsonBody(request);
    const jql = typeof body === 'object' && body !== null && 'jql' in body ? (body as { jql: unknown }).jql : undefined;
    if (jql !== undefined && typeof jql !== 'string') throw HttpError.jira(400, 'Cannot deserialize value of type `java.lang.String` for property "jql".');
    const issues = runSearch(siteRuntimeOf(request), { jql: jql ?? '', user: request.caller.user, now: request.runtime.clock.now(), reconcile: [] });
    return { status: 200, body: { count: issues.length } };
  },
};
