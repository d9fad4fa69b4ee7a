/** GET /rest/api/3/issue/{issueIdOrKey}/worklog — PageOfWorklogs (startAt, maxResults default 5000, startedAfter/Before in epoch ms). */
import { intParam, pageParams } from '../../http/query-params.js';
import type { RouteDef } from '../../http/route-types.js';
import { worklogsOf } from '../../content/worklogs.js';
import { serializeWorklog } from '../../serializers/worklog.serializer.js';
import { viewOf } from '../route-helpers.js';
import { visibleIssue } from './visible-issue.js';

export const issueWorklogsRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/issue/{issueIdOrKey}/worklog',
  scope: 'read:jira-work',
  handler: (request) => {
    const issue = visibleIssue(request);
    const { startAt, maxResults } = pageParams(request.query, 5000, 5000);
    const after = request.query.has('startedAfter') ? intParam(request.query, 'startedAfter', 0) : undefined;
    const before = request.query.has('startedBefore') ? intParam(request.query, 'startedBefore', 0) : undefined;
    const matching = worklogsOf(request.site, issue).filter((worklog) => (after === undefined || worklog.started >= after) && (before === undefined || worklog.started < before));
    const view = viewOf(request);
    const page = matching.slice(startAt, startAt + maxResults).map((worklog) => serializeWorklog(view, worklog));
    return { status: 200, body: { startAt, maxResults, total: matching.length, worklogs: page }, cost: { objects: page.length } };
  },
};
