/** POST /rest/api/3/issue/bulkfetch — up to 100 issues, ascending id; missing or invisible issues are omitted. */
import { HttpError } from '../../http/http-error.js';
import type { RouteDef } from '../../http/route-types.js';
import { findIssue } from '../../model/site-state.js';
import type { Issue } from '../../model/types.js';
import { canSeeIssue } from '../../permissions/access.js';
import { issueCost, resolveFields, serializeIssue } from '../../serializers/issue.serializer.js';
import { jsonBody, viewOf } from '../route-helpers.js';

interface BulkBody {
  issueIdsOrKeys?: unknown;
  fields?: unknown;
  expand?: unknown;
  properties?: unknown;
  fieldsByKeys?: unknown;
}

export const bulkfetchRoute: RouteDef = {
  method: 'POST',
  path: '/rest/api/3/issue/bulkfetch',
  scope: 'read:jira-work',
  handler: (request) => {
    const body = (jsonBody(request) ?? {}) as BulkBody;
    const refs = body.issueIdsOrKeys;
    if (!Array.isArray(refs) || refs.length === 0) throw HttpError.jira(400, '', { issueIdsOrKeys: 'You must provide at least one issue ID or key.' });
    if (refs.length > 100) throw HttpError.jira(400, '', { issueIdsOrKeys: 'You can request a maximum of 100 issues.' });
    const fieldList = Array.isArray(body.fields) ? body.fields.map(String) : ['*navigable'];
    const expand = new Set(Array.isArray(body.expand) ? body.expand.map(String) : typeof body.expand === 'string' ? body.expand.split(',') : []);
    const found = new Map<string, Issue>();
    for (const ref of refs) {
      const issue = findIssue(request.site, String(ref));
      if (issue && canSeeIssue(request.site, request.caller.user, issue)) found.set(issue.id, issue);
    }
    const ordered = [...found.values()].sort((left, right) => Number(left.id) - Number(right.id));
    const view = viewOf(request);
    const options = { fields: resolveFields(fieldList), expand, commentLimit: request.runtime.options.searchCommentLimit, changelogLimit: request.runtime.options.searchChangelogLimit };
    const issues = ordered.map((issue) => serializeIssue(view, issue, options));
    return { status: 200, body: { issues, issueErrors: [] }, cost: { objects: issueCost(issues) } };
  },
};
