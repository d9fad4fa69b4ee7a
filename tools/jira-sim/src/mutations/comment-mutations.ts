/** Add, edit and delete comments; each bumps the issue's `updated` and fires the comment webhook. */
import type { AdfDoc } from '../util/adf-types.js';
import type { Comment, CommentVisibility } from '../model/types.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';
import type { SiteRef } from './mutation-context.js';
import { issueOf, siteOf, touchIssue } from './mutation-context.js';

export interface AddCommentInput extends SiteRef {
  body: AdfDoc;
  authorAccountId?: string;
  visibility?: CommentVisibility;
}

function commentOf(runtime: SimRuntime, ref: SiteRef, commentId: string) {
  const site = siteOf(runtime, ref);
  const comment = site.state.comments.get(commentId);
  if (!comment) throw new Error(`No comment '${commentId}'.`);
  return { site, comment, issue: issueOf(site, comment.issueId) };
}

export function addComment(runtime: SimRuntime, issueIdOrKey: string, input: AddCommentInput): Comment {
  const site = siteOf(runtime, input);
  const issue = issueOf(site, issueIdOrKey);
  const now = touchIssue(runtime, site, issue.id, issue);
  const author = input.authorAccountId ?? runtime.known.apiUser.accountId;
  const comment: Comment = { id: String(site.state.nextIds.comment++), issueId: issue.id, authorAccountId: author, updateAuthorAccountId: author, created: now, updated: now, body: input.body, bodySeed: 0, visibility: input.visibility };
  site.state.comments.set(comment.id, comment);
  issue.commentIds.push(comment.id);
  issue.updated = now;
  runtime.emit(site.state, 'comment_created', { issue, comment });
  return comment;
}

export function updateComment(runtime: SimRuntime, commentId: string, input: SiteRef & { body?: AdfDoc; visibility?: CommentVisibility | null; authorAccountId?: string }): Comment {
  const { site, comment, issue } = commentOf(runtime, input, commentId);
  const now = touchIssue(runtime, site, issue.id, issue);
  if (input.body) comment.body = input.body;
  if (input.visibility !== undefined) comment.visibility = input.visibility ?? undefined;
  comment.updated = now;
  comment.updateAuthorAccountId = input.authorAccountId ?? comment.authorAccountId;
  issue.updated = now;
  runtime.emit(site.state, 'comment_updated', { issue, comment });
  return comment;
}

export function deleteComment(runtime: SimRuntime, commentId: string, input: SiteRef = {}): void {
  const { site, comment, issue } = commentOf(runtime, input, commentId);
  const now = touchIssue(runtime, site, issue.id, issue);
  site.state.comments.delete(comment.id);
  issue.commentIds = issue.commentIds.filter((id) => id !== comment.id);
  // Files added through the comment stay on the issue and follow it from now on [U].
  for (const id of issue.attachmentIds) {
    const attachment = site.state.attachments.get(id);
    if (attachment?.commentId === comment.id) delete attachment.commentId;
  }
  if (runtime.options.commentDeleteBumpsUpdated) issue.updated = now;
  runtime.emit(site.state, 'comment_deleted', { issue, comment });
}
