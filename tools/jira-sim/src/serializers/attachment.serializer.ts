/** Attachment JSON: string id on issues (`fields.attachment`), number id on GET /attachment/{id}. */
import type { Attachment } from '../model/types.js';
import { serializeUser, unknownUser, userRef } from './user.serializer.js';
import type { ViewContext } from './view-context.js';
import { time } from './view-context.js';

function links(view: ViewContext, attachment: Attachment): Record<string, string> {
  return {
    content: `${view.siteUrl}/rest/api/3/attachment/content/${attachment.id}`,
    ...(attachment.mimeType.startsWith('image/') ? { thumbnail: `${view.siteUrl}/rest/api/3/attachment/thumbnail/${attachment.id}` } : {}),
  };
}

/** Form embedded in issues. */
export function serializeAttachment(view: ViewContext, attachment: Attachment): Record<string, unknown> {
  return {
    self: `${view.siteUrl}/rest/api/3/attachment/${attachment.id}`,
    id: attachment.id,
    filename: attachment.filename,
    author: userRef(view, attachment.authorAccountId),
    created: time(view, attachment.created),
    size: attachment.size,
    mimeType: attachment.mimeType,
    ...links(view, attachment),
  };
}

/** `AttachmentMetadata` (numeric id, full author). */
export function serializeAttachmentMetadata(view: ViewContext, attachment: Attachment): Record<string, unknown> {
  const author = view.site.users.get(attachment.authorAccountId);
  return {
    id: Number(attachment.id),
    self: `${view.siteUrl}/rest/api/3/attachment/${attachment.id}`,
    filename: attachment.filename,
    author: author ? serializeUser(view, author) : unknownUser(view, attachment.authorAccountId),
    created: time(view, attachment.created),
    size: attachment.size,
    mimeType: attachment.mimeType,
    properties: {},
    ...links(view, attachment),
  };
}
