/**
 * GET /rest/api/3/groups/picker — group suggestions `{ header, total, groups: [{ name, html, groupId, labels }] }`,
 * sorted by name, capped (not a full listing).
 *
 * Permission rules of the OpenAPI document: anonymous callers and callers without Browse Projects (on any project)
 * get an empty list (200, not 401/403); without Browse users and groups only a query that names an existing group
 * exactly finds it. `exclude` (names) and `excludeId` cannot be combined (400).
 */
import { HttpError } from '../../http/http-error.js';
import { boolParam, intParam } from '../../http/query-params.js';
import type { RouteDef } from '../../http/route-types.js';
import type { Group } from '../../model/types.js';
import type { SiteState } from '../../model/site-state.js';
import { canBrowseProject, canBrowseUsers } from '../../permissions/access.js';

/** `jira.ajax.autocomplete.limit`: the default page and, here, also the most one call returns [U]. */
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The name with the first occurrence of the query in bold, as the picker shows it. */
function highlight(name: string, query: string, caseInsensitive: boolean): string {
  const at = query === '' ? -1 : caseInsensitive ? name.toLowerCase().indexOf(query.toLowerCase()) : name.indexOf(query);
  if (at < 0) return escapeHtml(name);
  return `${escapeHtml(name.slice(0, at))}<b>${escapeHtml(name.slice(at, at + query.length))}</b>${escapeHtml(name.slice(at + query.length))}`;
}

/** Jira labels the administrators' group and the product-access group. */
function labels(site: SiteState, group: Group): Array<Record<string, string>> {
  if (group.groupId === site.adminGroupId) return [{ text: 'Admin', title: 'Users added to this group will be given administrative access.', type: 'ADMIN' }];
  if (group.groupId === site.appAccessGroupId) return [{ text: 'Jira Software', title: 'Users added to this group will be given access to Jira Software', type: 'SINGLE' }];
  return [];
}

export const groupsPickerRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/groups/picker',
  scope: 'read:jira-user',
  handler: (request) => {
    const query = request.query.get('query') ?? '';
    const caseInsensitive = boolParam(request.query, 'caseInsensitive', false);
    const excludedNames = new Set(request.query.getAll('exclude'));
    const excludedIds = new Set(request.query.getAll('excludeId'));
    if (excludedNames.size > 0 && excludedIds.size > 0) throw HttpError.jira(400, "The 'exclude' and 'excludeId' query parameters cannot be used together.");
    const requested = intParam(request.query, 'maxResults', DEFAULT_LIMIT);
    const limit = Math.min(requested > 0 ? requested : DEFAULT_LIMIT, MAX_LIMIT);
    const user = request.caller.user;
    const site = request.site;
    const mayBrowse = user !== undefined && [...site.projects.values()].some((project) => canBrowseProject(site, user, project));
    const browseUsers = canBrowseUsers(site, user);
    const fold = (text: string): string => (caseInsensitive ? text.toLowerCase() : text);
    const matches = !mayBrowse
      ? []
      : [...site.groups.values()]
          .filter((group) => !excludedNames.has(group.name) && !excludedIds.has(group.groupId))
          .filter((group) => (browseUsers ? fold(group.name).includes(fold(query)) : query !== '' && fold(group.name) === fold(query)))
          .sort((left, right) => left.name.localeCompare(right.name));
    const groups = matches.slice(0, limit).map((group) => ({ name: group.name, html: highlight(group.name, query, caseInsensitive), groupId: group.groupId, labels: labels(site, group) }));
    return { status: 200, body: { header: `Showing ${groups.length} of ${matches.length} matching groups`, total: matches.length, groups }, cost: { objects: groups.length, identity: true } };
  },
};
