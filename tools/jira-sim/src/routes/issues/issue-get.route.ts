/** GET /rest/api/3/issue/{issueIdOrKey} — fields default `*all`; moved keys resolve silently. */
import { listParam } from '../../http/query-params.js';
import type { RouteDef } from '../../http/route-types.js';
import { issueCost, resolveFields, serializeIssue } from '../../serializers/issue.serializer.js';
import { expandOf, viewOf } from '../route-helpers.js';
import { visibleIssue } from './visible-issue.js';

export const issueGetRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/issue/{issueIdOrKey}',
  scope: 'read:jira-work',
  handler: (request) => {
    const issue = visibleIssue(request);
    const requested = listParam(request.query, 'fields');
    const fields = resolveFields(requested.length > 0 ? requested : ['*all']);
    const body = serializeIssue(viewOf(request), issue, { fields, expand: expandOf(request), commentLimit: 5000, changelogLimit: 100 });
    return { status: 200, body, cost: { objects: issueCost([body]) } };
  },
};
