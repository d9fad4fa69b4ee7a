/** GET /rest/api/3/applicationrole and /applicationrole/{key} (Administer Jira). */
import { HttpError } from '../../http/http-error.js';
import type { RouteDef, SimRequest } from '../../http/route-types.js';
import { requireAdmin } from '../route-helpers.js';

function softwareRole(request: SimRequest): Record<string, unknown> {
  const group = [...request.site.groups.values()].find((candidate) => candidate.name === 'jira-software-users');
  const details = group ? [{ name: group.name, groupId: group.groupId }] : [];
  const names = details.map((detail) => detail.name);
  const count = request.site.licensedAccountIds.size;
  return {
    key: 'jira-software',
    groups: names,
    groupDetails: details,
    name: 'Jira Software',
    defaultGroups: names,
    defaultGroupsDetails: details,
    selectedByDefault: false,
    defined: true,
    numberOfSeats: 10_000,
    remainingSeats: 10_000 - count,
    userCount: count,
    userCountDescription: 'users',
    hasUnlimitedSeats: false,
    platform: false,
  };
}

export const applicationRolesRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/applicationrole',
  scope: 'manage:jira-configuration',
  handler: (request) => {
    requireAdmin(request);
    return { status: 200, body: [softwareRole(request)], cost: { objects: 1, identity: true } };
  },
};

export const applicationRoleRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/applicationrole/{key}',
  scope: 'manage:jira-configuration',
  handler: (request) => {
    requireAdmin(request);
    if (request.params.key !== 'jira-software') throw HttpError.jira(404, `The application role '${request.params.key ?? ''}' does not exist.`);
    return { status: 200, body: softwareRole(request), cost: { objects: 1, identity: true } };
  },
};
