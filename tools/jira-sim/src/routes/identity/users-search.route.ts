/** GET /rest/api/3/users/search and /users — every account as a bare array, startAt/maxResults (max 1000). */
import { HttpError } from '../../http/http-error.js';
import { pageParams } from '../../http/query-params.js';
import type { RouteDef, RouteHandler } from '../../http/route-types.js';
import { canBrowseUsers } from '../../permissions/access.js';
import { serializeUser } from '../../serializers/user.serializer.js';
import { viewOf } from '../route-helpers.js';

const listUsers: RouteHandler = (request) => {
  if (!canBrowseUsers(request.site, request.caller.user)) throw HttpError.jira(403, 'Browse users and groups permission is required to view users.');
  const { startAt, maxResults } = pageParams(request.query, 50, 1000);
  const view = viewOf(request);
  const values = [...request.site.users.values()].slice(startAt, startAt + maxResults).map((user) => serializeUser(view, user));
  return { status: 200, body: values, cost: { objects: values.length, identity: true } };
};

export const usersSearchRoute: RouteDef = { method: 'GET', path: '/rest/api/3/users/search', scope: 'read:jira-user', handler: listUsers };
export const usersRoute: RouteDef = { method: 'GET', path: '/rest/api/3/users', scope: 'read:jira-user', handler: listUsers };
