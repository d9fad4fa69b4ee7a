/**
 * GET/POST /rest/api/3/search/jql — enhanced search: nextPageToken paging, no total, `fields` default `id` (no
 * `fields` object), smaller pages for heavy field sets, truncated embedded comments and changelog.
 */
import { failHeavyExpansion } from '../../faults/heavy-expand.js';
import type { RouteDef, SimReply, SimRequest } from '../../http/route-types.js';
import { decodePageToken, encodePageToken, fingerprint } from '../../search/page-token.js';
import { runSearch } from '../../search/run-search.js';
import type { SearchParams } from '../../search/search-request.js';
import { assertMaxResults, searchParamsFromBody, searchParamsFromQuery } from '../../search/search-request.js';
import { FIELD_CATALOGUE } from '../../serializers/issue-fields.js';
import { issueCost, resolveFields, serializeIssue } from '../../serializers/issue.serializer.js';
import { requireJsonContent, siteRuntimeOf, viewOf } from '../route-helpers.js';

function respond(request: SimRequest, params: SearchParams): SimReply {
  const fields = resolveFields(params.fields);
  const queryId = fingerprint([params.jql, params.fields, [...params.expand], params.reconcileIssues, request.caller.user?.accountId ?? '']);
  const offset = decodePageToken(params.nextPageToken, queryId);
  assertMaxResults(params.maxResults);
  const options = request.runtime.options;
  const heavy = fields.length > 0 || params.expand.size > 0;
  const pageSize = Math.min(params.maxResults, heavy ? options.heavyFieldsPageCap : 5000);
  failHeavyExpansion(request.runtime, fields, params.expand, pageSize);
  const all = runSearch(siteRuntimeOf(request), { jql: params.jql, user: request.caller.user, now: request.runtime.clock.now(), reconcile: params.reconcileIssues });
  const view = viewOf(request);
  const page = all.slice(offset, offset + pageSize);
  const renderOptions = { fields, expand: new Set([...params.expand].filter((name) => name !== 'names')), commentLimit: options.searchCommentLimit, changelogLimit: options.searchChangelogLimit };
  const idsOnly = params.fields.every((token) => token.trim() === 'id') && params.expand.size === 0;
  const issues = page.map((issue) => (idsOnly ? { id: issue.id } : serializeIssue(view, issue, renderOptions)));
  const more = offset + page.length < all.length;
  const body: Record<string, unknown> = { issues };
  if (more) body.nextPageToken = encodePageToken(queryId, offset + page.length);
  body.isLast = !more;
  if (params.expand.has('names')) body.names = Object.fromEntries(fields.map((id) => [id, FIELD_CATALOGUE[id]?.name ?? id]));
  return { status: 200, body, cost: { objects: issueCost(issues) } };
}

export const searchJqlGetRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/search/jql',
  scope: 'read:jira-work',
  handler: (request) => respond(request, searchParamsFromQuery(request)),
};

export const searchJqlPostRoute: RouteDef = {
  method: 'POST',
  path: '/rest/api/3/search/jql',
  scope: 'read:jira-work',
  handler: (request) => {
    requireJsonContent(request);
    return respond(request, searchParamsFromBody(request));
  },
};
