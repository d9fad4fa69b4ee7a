/**
 * Attachments added through restricted comments. When an issue has both attachments and a restricted comment, its last
 * attachment was uploaded with its last restricted comment: it takes that comment's author and time, and the comment's
 * body shows it as inline media instead of the description (see content/issue-content.ts). The rule reads data the
 * seed already produced and draws no random numbers, so the rest of a preset stays exactly as it was.
 */
import type { SiteState } from '../model/site-state.js';
import type { Issue } from '../model/types.js';

/** Links the issue's last attachment to its last restricted comment, if it has both. */
export function linkCommentAttachments(site: SiteState, issue: Issue): void {
  const attachment = site.attachments.get(issue.attachmentIds.at(-1) ?? '');
  // The site's first attachment stays on the description: it is the image the cover-all description embeds.
  if (!attachment || attachment.id === firstAttachmentId(site)) return;
  const comment = issue.commentIds
    .map((id) => site.comments.get(id))
    .findLast((candidate) => candidate?.visibility !== undefined);
  if (!comment) return;
  attachment.commentId = comment.id;
  attachment.authorAccountId = comment.authorAccountId;
  attachment.created = comment.created;
}

function firstAttachmentId(site: SiteState): string | undefined {
  const first = site.attachments.keys().next();
  return first.done === true ? undefined : first.value;
}
