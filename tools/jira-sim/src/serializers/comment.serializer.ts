/** Comment JSON (ADF body, visibility as Jira shows it). */
import { commentBodyOf } from '../content/issue-content.js';
import type { Comment } from '../model/types.js';
import { renderAdfHtml } from './rendered-html.js';
import { userRef } from './user.serializer.js';
import type { ViewContext } from './view-context.js';
import { time } from './view-context.js';

export function serializeComment(view: ViewContext, comment: Comment, renderedBody = false): Record<string, unknown> {
  const body = commentBodyOf(view.site, comment);
  return {
    self: `${view.siteUrl}/rest/api/3/issue/${comment.issueId}/comment/${comment.id}`,
    id: comment.id,
    author: userRef(view, comment.authorAccountId),
    body,
    ...(renderedBody ? { renderedBody: renderAdfHtml(view, view.site.issues.get(comment.issueId), body) ?? '' } : {}),
    updateAuthor: userRef(view, comment.updateAuthorAccountId),
    created: time(view, comment.created),
    updated: time(view, comment.updated),
    ...(comment.visibility ? { visibility: { ...comment.visibility } } : {}),
    jsdPublic: true,
  };
}
