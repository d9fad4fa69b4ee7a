/** GET /rest/api/3/myself — the caller (anonymous callers get the text/html 401 from the pipeline). */
import type { RouteDef, SimRequest } from '../../http/route-types.js';
import { serializeUser } from '../../serializers/user.serializer.js';
import { expandOf, requireUser, viewOf } from '../route-helpers.js';
import { userGroups } from './user-groups.js';

export function userWithExpand(request: SimRequest, accountId: string): Record<string, unknown> {
  const user = request.site.users.get(accountId);
  if (!user) return {};
  const expand = expandOf(request);
  const groups = userGroups(request, accountId);
  return {
    ...serializeUser(viewOf(request), user),
    groups: { size: groups.length, items: expand.has('groups') ? groups : [] },
    applicationRoles: { size: request.site.licensedAccountIds.has(accountId) ? 1 : 0, items: expand.has('applicationRoles') && request.site.licensedAccountIds.has(accountId) ? [{ key: 'jira-software', name: 'Jira Software' }] : [] },
    expand: 'groups,applicationRoles',
  };
}

export const myselfRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/myself',
  scope: 'read:jira-user',
  handler: (request) => ({ status: 200, body: userWithExpand(request, requireUser(request).accountId), cost: { objects: 1, identity: true } }),
};
