/** Issue comments: PageOfComments (no isLast), one comment, and POST comment/list; restricted comments are hidden. */
import { HttpError } from '../../http/http-error.js';
import { pageBean } from '../../http/page-bean.js';
import { pageParams } from '../../http/query-params.js';
import type { RouteDef, SimRequest } from '../../http/route-types.js';
import type { Comment, Issue } from '../../model/types.js';
import { canSeeComment, canSeeIssue } from '../../permissions/access.js';
import { serializeComment } from '../../serializers/comment.serializer.js';
import { expandOf, jsonBody, viewOf } from '../route-helpers.js';
import { visibleIssue } from './visible-issue.js';

function visibleComments(request: SimRequest, issue: Issue): Comment[] {
  return issue.commentIds
    .map((id) => request.site.comments.get(id))
    .filter((comment): comment is Comment => comment !== undefined && canSeeComment(request.site, request.caller.user, comment, issue));
}

export const issueCommentsRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/issue/{issueIdOrKey}/comment',
  scope: 'read:jira-work',
  handler: (request) => {
    const issue = visibleIssue(request);
    const orderBy = request.query.get('orderBy');
    if (orderBy !== null && !['created', '-created', '+created'].includes(orderBy)) throw HttpError.jira(400, `The orderBy value '${orderBy}' is not valid. Valid values are 'created', '-created' and '+created'.`);
    const { startAt, maxResults } = pageParams(request.query, 100, 5000);
    const comments = visibleComments(request, issue).sort((left, right) => left.created - right.created || Number(left.id) - Number(right.id));
    if (orderBy === '-created') comments.reverse();
    const rendered = expandOf(request).has('renderedBody');
    const view = viewOf(request);
    const page = comments.slice(startAt, startAt + maxResults).map((comment) => serializeComment(view, comment, rendered));
    return { status: 200, body: { startAt, maxResults, total: comments.length, comments: page }, cost: { objects: page.length } };
  },
};

export const issueCommentRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/issue/{issueIdOrKey}/comment/{id}',
  scope: 'read:jira-work',
  handler: (request) => {
    const issue = visibleIssue(request);
    const comment = visibleComments(request, issue).find((candidate) => candidate.id === request.params.id);
    if (!comment) throw HttpError.jira(404, `Can not find a comment for the id: ${request.params.id ?? ''}.`);
    return { status: 200, body: serializeComment(viewOf(request), comment, expandOf(request).has('renderedBody')), cost: { objects: 1 } };
  },
};

export const commentListRoute: RouteDef = {
  method: 'POST',
  path: '/rest/api/3/comment/list',
  scope: 'read:jira-work',
  handler: (request) => {
    const body = jsonBody(request) as { ids?: unknown } | undefined;
    const ids = Array.isArray(body?.ids) ? body.ids.map(String) : [];
    if (ids.length === 0) throw HttpError.jira(400, 'At least one comment ID must be provided.');
    if (ids.length > 1000) throw HttpError.jira(400, 'You can request a maximum of 1000 comments.');
    const comments = ids
      .map((id) => request.site.comments.get(id))
      .filter((comment): comment is Comment => {
        const issue = comment ? request.site.issues.get(comment.issueId) : undefined;
        return comment !== undefined && issue !== undefined && canSeeIssue(request.site, request.caller.user, issue) && canSeeComment(request.site, request.caller.user, comment, issue);
      })
      .sort((left, right) => Number(left.id) - Number(right.id));
    const view = viewOf(request);
    const rendered = expandOf(request).has('renderedBody');
    // The operation documents no paging parameters: one page holds every requested comment (at most 1000).
    const page = pageBean(request, comments, 0, 1000, (comment) => serializeComment(view, comment, rendered));
    return { status: 200, body: page, cost: { objects: page.values.length } };
  },
};
