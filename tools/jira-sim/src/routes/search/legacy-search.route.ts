/**
 * GET/POST /rest/api/3/search — removed from Jira Cloud (CHANGE-2046): 410 by default. With the `legacySearch`
 * switch it serves the old contract: startAt/maxResults/total, fields default `*navigable`, expand (with real
 * `renderedFields` HTML and `transitions`). Pages with many fields or a heavy expansion are capped like the enhanced
 * search (`heavyFieldsPageCap`), and the expansions count in the points cost, so old clients are not cheaper here.
 */
import { HttpError } from '../../http/http-error.js';
import { intParam, listParam } from '../../http/query-params.js';
import type { RouteDef, SimReply, SimRequest } from '../../http/route-types.js';
import { runSearch } from '../../search/run-search.js';
import { ISSUE_EXPAND, issueCost, resolveFields, serializeIssue } from '../../serializers/issue.serializer.js';
import { jsonBody, siteRuntimeOf, viewOf } from '../route-helpers.js';

export const LEGACY_SEARCH_GONE =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';

/** Expansions that make each issue heavier to build (rendering, workflow, history). */
const HEAVY_EXPAND = new Set(['renderedFields', 'transitions', 'changelog']);

interface LegacyParams {
  jql: string;
  startAt: number;
  maxResults: number;
  fields: string[];
  expand: string[];
}

function serve(request: SimRequest, params: LegacyParams): SimReply {
  if (!request.runtime.options.legacySearch) throw HttpError.jira(410, LEGACY_SEARCH_GONE);
  const fields = resolveFields(params.fields.length > 0 ? params.fields : ['*navigable']);
  const heavy = fields.length > 5 || params.expand.some((name) => HEAVY_EXPAND.has(name));
  const maxResults = Math.min(Math.max(params.maxResults, 0), heavy ? request.runtime.options.heavyFieldsPageCap : 1000);
  const all = runSearch(siteRuntimeOf(request), { jql: params.jql, user: request.caller.user, now: request.runtime.clock.now(), reconcile: [], allowUnbounded: true });
  const view = viewOf(request);
  const options = { fields, expand: new Set(params.expand), commentLimit: request.runtime.options.searchCommentLimit, changelogLimit: request.runtime.options.searchChangelogLimit };
  const issues = all.slice(params.startAt, params.startAt + maxResults).map((issue) => serializeIssue(view, issue, options));
  return { status: 200, body: { expand: ISSUE_EXPAND, startAt: params.startAt, maxResults, total: all.length, issues }, cost: { objects: issueCost(issues) } };
}

export const legacySearchGetRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/search',
  scope: 'read:jira-work',
  handler: (request) =>
    serve(request, { jql: request.query.get('jql') ?? '', startAt: Math.max(0, intParam(request.query, 'startAt', 0)), maxResults: intParam(request.query, 'maxResults', 50), fields: listParam(request.query, 'fields'), expand: listParam(request.query, 'expand') }),
};

export const legacySearchPostRoute: RouteDef = {
  method: 'POST',
  path: '/rest/api/3/search',
  scope: 'read:jira-work',
  handler: (request) => {
    if (!request.runtime.options.legacySearch) throw HttpError.jira(410, LEGACY_SEARCH_GONE);
    const body = (jsonBody(request) ?? {}) as { jql?: string; startAt?: number; maxResults?: number; fields?: string[]; expand?: string[] };
    return serve(request, { jql: body.jql ?? '', startAt: body.startAt ?? 0, maxResults: body.maxResults ?? 50, fields: body.fields ?? [], expand: body.expand ?? [] });
  },
};
