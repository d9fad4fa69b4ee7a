/** Groups of an account on a site, as GroupName objects. */
import type { SimRequest } from '../../http/route-types.js';

export function userGroups(request: SimRequest, accountId: string): Array<{ name: string; groupId: string; self: string }> {
  return [...request.site.groups.values()]
    .filter((group) => group.members.has(accountId))
    .map((group) => ({ name: group.name, groupId: group.groupId, self: `${request.siteUrl}/rest/api/3/group?groupId=${group.groupId}` }))
    .sort((left, right) => left.name.localeCompare(right.name));
}
