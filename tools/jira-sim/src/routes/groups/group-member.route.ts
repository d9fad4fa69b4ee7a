/** GET /rest/api/3/group/member — PageBean of UserDetails (max 50), inactive users excluded by default. */
import { HttpError } from '../../http/http-error.js';
import { pageBean } from '../../http/page-bean.js';
import { boolParam, pageParams } from '../../http/query-params.js';
import type { RouteDef } from '../../http/route-types.js';
import { findGroup } from '../../model/site-state.js';
import type { User } from '../../model/types.js';
import { canBrowseUsers, isAdmin } from '../../permissions/access.js';
import { serializeUserDetails } from '../../serializers/user.serializer.js';
import { requireUser, viewOf } from '../route-helpers.js';

export const groupMemberRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/group/member',
  scope: 'manage:jira-configuration',
  handler: (request) => {
    const caller = requireUser(request);
    if (!canBrowseUsers(request.site, caller) && !isAdmin(request.site, caller)) throw HttpError.jira(403, 'Browse users and groups permission is required to view groups.');
    const groupId = request.query.get('groupId');
    const groupname = request.query.get('groupname');
    if (!groupId && !groupname) throw HttpError.jira(400, 'You must provide a group name or a group ID.');
    const group = findGroup(request.site, { groupId, name: groupname });
    if (!group) throw HttpError.jira(404, groupname ? `The group named '${groupname}' does not exist.` : `The group with the ID '${groupId}' does not exist.`);
    const includeInactive = boolParam(request.query, 'includeInactiveUsers', false);
    const { startAt, maxResults } = pageParams(request.query, 50, 50);
    const members = [...group.members]
      .map((id) => request.site.users.get(id))
      .filter((user): user is User => user !== undefined && (includeInactive || user.active))
      .sort((left, right) => left.displayName.localeCompare(right.displayName) || left.accountId.localeCompare(right.accountId));
    const view = viewOf(request);
    const body = pageBean(request, members, startAt, maxResults, (user) => serializeUserDetails(view, user));
    return { status: 200, body, cost: { objects: body.values.length, identity: true } };
  },
};
