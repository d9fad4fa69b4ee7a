/**
 * GET /rest/api/3/user/search — find active users by `query` (prefix of the display name, of a word of it, or of the
 * email address) or by exact `accountId`, as a bare array of `User`.
 *
 * The OpenAPI document's rules, followed here: the operation "can be accessed anonymously" and "anonymous calls or
 * calls by users without the required permission [Browse users and groups] return empty search results" (200 [],
 * not 403, unlike `users/search`); one of `query`, `accountId`, `property` is required and `query` with `accountId`
 * is a 400; only active users are returned (the description says so and Cloud offers no switch for inactive ones);
 * filtering comes before paging, and only the first 1000 matches can be paged to.
 */
import { HttpError } from '../../http/http-error.js';
import { pageParams } from '../../http/query-params.js';
import type { RouteDef } from '../../http/route-types.js';
import type { User } from '../../model/types.js';
import { canBrowseUsers } from '../../permissions/access.js';
import { serializeUser } from '../../serializers/user.serializer.js';
import { viewOf } from '../route-helpers.js';

const MATCH_WINDOW = 1000;

/** Case-insensitive prefix match on the display name, any word of it, or the email where the caller may see it. */
function userMatchesQuery(user: User, query: string, emailVisible: boolean): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return false;
  const name = user.displayName.toLowerCase();
  if (name.startsWith(needle) || name.split(/\s+/).some((word) => word.startsWith(needle))) return true;
  // A hidden address is not matched either: a search must not reveal who owns an address the profile hides [U].
  return emailVisible && user.email.toLowerCase().startsWith(needle);
}

export const userSearchRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/user/search',
  scope: 'read:jira-user',
  handler: (request) => {
    const query = request.query.get('query') ?? '';
    const accountId = request.query.get('accountId') ?? '';
    const property = request.query.get('property') ?? '';
    if (query === '' && accountId === '' && property === '') throw HttpError.jira(400, "One of the 'query', 'accountId' or 'property' query parameters must be provided.");
    if (query !== '' && accountId !== '') throw HttpError.jira(400, "The 'query' and 'accountId' query parameters cannot be used together.");
    if (property !== '' && !/^[^.=]+(\.[^=]+)*=.+$/.test(property)) throw HttpError.jira(400, `The property query '${property}' is not valid.`);
    const { startAt, maxResults } = pageParams(request.query, 50, MATCH_WINDOW);
    const caller = request.caller.user;
    if (!canBrowseUsers(request.site, caller)) return { status: 200, body: [], cost: { objects: 0, identity: true } };
    const matches = [...request.site.users.values()]
      .filter((user) => user.active)
      .filter((user) => (accountId !== '' ? user.accountId === accountId : true))
      .filter((user) => (query !== '' ? userMatchesQuery(user, query, user.emailVisible || user.accountId === caller?.accountId) : true))
      // Accounts carry no properties in the simulator, so a property query matches nobody.
      .filter(() => property === '')
      .sort((left, right) => left.displayName.localeCompare(right.displayName) || left.accountId.localeCompare(right.accountId))
      .slice(0, MATCH_WINDOW);
    const view = viewOf(request);
    const body = matches.slice(startAt, startAt + maxResults).map((user) => serializeUser(view, user));
    return { status: 200, body, cost: { objects: body.length, identity: true } };
  },
};
