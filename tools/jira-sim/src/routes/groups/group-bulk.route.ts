/** GET /rest/api/3/group/bulk — PageBean of GroupDetails, filterable by groupId / groupName. */
import { HttpError } from '../../http/http-error.js';
import { pageBean } from '../../http/page-bean.js';
import { listParam, pageParams } from '../../http/query-params.js';
import type { RouteDef } from '../../http/route-types.js';
import { canBrowseUsers } from '../../permissions/access.js';
import { requireUser } from '../route-helpers.js';

export const groupBulkRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/group/bulk',
  scope: 'read:jira-user',
  handler: (request) => {
    const user = requireUser(request);
    if (!canBrowseUsers(request.site, user)) throw HttpError.jira(403, 'Browse users and groups permission is required to view groups.');
    const ids = new Set(listParam(request.query, 'groupId'));
    const names = new Set(listParam(request.query, 'groupName'));
    const { startAt, maxResults } = pageParams(request.query, 50, 1000);
    const groups = [...request.site.groups.values()]
      .filter((group) => (ids.size === 0 && names.size === 0) || ids.has(group.groupId) || names.has(group.name))
      .sort((left, right) => left.name.localeCompare(right.name));
    const body = pageBean(request, groups, startAt, maxResults, (group) => ({ groupId: group.groupId, name: group.name }));
    return { status: 200, body, cost: { objects: body.values.length, identity: true } };
  },
};
