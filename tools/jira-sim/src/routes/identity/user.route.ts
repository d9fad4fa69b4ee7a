/** GET /rest/api/3/user, /user/groups and /user/email (the latter refuses ordinary credentials with 400). */
import { HttpError } from '../../http/http-error.js';
import type { RouteDef, SimRequest } from '../../http/route-types.js';
import { canBrowseUsers } from '../../permissions/access.js';
import { requireUser } from '../route-helpers.js';
import { userWithExpand } from './myself.route.js';
import { userGroups } from './user-groups.js';

function targetAccount(request: SimRequest): string {
  const caller = requireUser(request);
  const accountId = request.query.get('accountId');
  if (!accountId) throw HttpError.jira(400, 'The accountId query parameter needs to be provided.');
  if (accountId !== caller.accountId && !canBrowseUsers(request.site, caller)) throw HttpError.jira(403, 'Browse users and groups permission is required to view users.');
  if (!request.site.users.has(accountId)) throw HttpError.jira(404, `Specified user does not exist or you do not have required permissions`);
  return accountId;
}

export const userRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/user',
  scope: 'read:jira-user',
  handler: (request) => ({ status: 200, body: userWithExpand(request, targetAccount(request)), cost: { objects: 1, identity: true } }),
};

export const userGroupsRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/user/groups',
  scope: 'read:jira-user',
  handler: (request) => {
    const groups = userGroups(request, targetAccount(request));
    return { status: 200, body: groups, cost: { objects: groups.length, identity: true } };
  },
};

export const userEmailRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/user/email',
  scope: 'read:jira-user',
  handler: (request) => {
    requireUser(request);
    throw HttpError.jira(400, 'This API is only available to apps approved by Atlassian, according to these guidelines: https://community.developer.atlassian.com/t/guidelines-for-requesting-access-to-email-address/27603');
  },
};
