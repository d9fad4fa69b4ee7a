/** Add and delete attachments (bytes stay generated from the id), optionally through a comment of the issue. */
import { randomUUID } from 'node:crypto';
import type { Attachment } from '../model/types.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';
import type { SiteRef } from './mutation-context.js';
import { issueOf, siteOf, touchIssue } from './mutation-context.js';

export interface AddAttachmentInput extends SiteRef {
  filename: string;
  mimeType?: string;
  size?: number;
  authorAccountId?: string;
  /** Adds the file through this comment of the issue: it then follows the comment's visibility. */
  commentId?: string;
}

export function addAttachment(runtime: SimRuntime, issueIdOrKey: string, input: AddAttachmentInput): Attachment {
  const site = siteOf(runtime, input);
  const issue = issueOf(site, issueIdOrKey);
  if (input.commentId !== undefined && site.state.comments.get(input.commentId)?.issueId !== issue.id) {
    throw new Error(`Issue '${issue.key}' has no comment '${input.commentId}'; pass the id of one of its comments.`);
  }
  const now = touchIssue(runtime, site, issue.id, issue);
  const attachment: Attachment = {
    id: String(site.state.nextIds.attachment++),
    issueId: issue.id,
    mediaId: randomUUID(),
    filename: input.filename,
    mimeType: input.mimeType ?? 'application/octet-stream',
    size: input.size ?? 1024,
    authorAccountId: input.authorAccountId ?? runtime.known.apiUser.accountId,
    created: now,
    ...(input.commentId === undefined ? {} : { commentId: input.commentId }),
  };
  site.state.attachments.set(attachment.id, attachment);
  issue.attachmentIds.push(attachment.id);
  issue.updated = now;
  issue.changelog.push({ id: String(site.state.nextIds.changelog++), authorAccountId: attachment.authorAccountId, created: now, items: [{ field: 'Attachment', fieldId: 'attachment', fieldtype: 'jira', from: null, fromString: null, to: attachment.id, toString: attachment.filename }] });
  runtime.emit(site.state, 'attachment_created', { issue, attachment });
  return attachment;
}

export function deleteAttachment(runtime: SimRuntime, attachmentId: string, input: SiteRef = {}): void {
  const site = siteOf(runtime, input);
  const attachment = site.state.attachments.get(attachmentId);
  if (!attachment) throw new Error(`No attachment '${attachmentId}'.`);
  const issue = issueOf(site, attachment.issueId);
  const now = touchIssue(runtime, site, issue.id, issue);
  site.state.attachments.delete(attachmentId);
  issue.attachmentIds = issue.attachmentIds.filter((id) => id !== attachmentId);
  issue.updated = now;
  issue.changelog.push({ id: String(site.state.nextIds.changelog++), authorAccountId: runtime.known.admin.accountId, created: now, items: [{ field: 'Attachment', fieldId: 'attachment', fieldtype: 'jira', from: attachment.id, fromString: attachment.filename, to: null, toString: null }] });
  runtime.emit(site.state, 'attachment_deleted', { issue, attachment });
}
