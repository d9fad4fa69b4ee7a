/**
 * Attachments: metadata (numeric id), site settings, and content — 303 to the media host with a short-lived signed
 * URL by default, or the bytes themselves with redirect=false (Range supported). Attachments on issues the caller cannot
 * see look missing (404); those added through a comment the caller cannot see are refused (403).
 */
import { attachmentBytes } from '../../content/attachment-bytes.js';
import { rangeReply } from '../../http/byte-range.js';
import { HttpError } from '../../http/http-error.js';
import { boolParam } from '../../http/query-params.js';
import type { RouteDef, SimReply, SimRequest } from '../../http/route-types.js';
import type { Attachment } from '../../model/types.js';
import { canSeeAttachmentOnIssue, canSeeIssue } from '../../permissions/access.js';
import { serializeAttachmentMetadata } from '../../serializers/attachment.serializer.js';
import { viewOf } from '../route-helpers.js';

function visibleAttachment(request: SimRequest): Attachment {
  const attachment = request.site.attachments.get(request.params.id ?? '');
  const issue = attachment ? request.site.issues.get(attachment.issueId) : undefined;
  if (!attachment || !issue || !canSeeIssue(request.site, request.caller.user, issue)) {
    throw HttpError.jira(404, `The attachment with id '${request.params.id ?? ''}' does not exist.`);
  }
  // A caller who can see the issue but not the restricted comment the file was added through gets 403 on metadata,
  // content and thumbnail alike: the reference (§6.2) says so for content, and the OpenAPI document lists 403 ("does
  // not have the necessary permission") for all three, keeping 404 for missing attachments or disabled attachments.
  if (!canSeeAttachmentOnIssue(request.site, request.caller.user, attachment, issue)) {
    throw HttpError.jira(403, 'You do not have permission to view this attachment.');
  }
  return attachment;
}

function content(request: SimRequest, thumbnail: boolean): SimReply {
  const attachment = visibleAttachment(request);
  if (thumbnail && !attachment.mimeType.startsWith('image/')) throw HttpError.jira(404, 'No thumbnail is available for this attachment.');
  if (boolParam(request.query, 'redirect', true)) {
    const expiresAt = request.runtime.clock.now() + request.runtime.options.mediaUrlTtlMs;
    const token = request.runtime.signMedia(request.site.cloudId, attachment.id, expiresAt);
    const query = new URLSearchParams({ token, client: request.site.cloudId, dl: 'true', name: attachment.filename });
    const kind = thumbnail ? 'image' : 'binary';
    return { status: 303, headers: { location: `${request.runtime.urls.media}/file/${attachment.mediaId}/${kind}?${query.toString()}` }, raw: '', contentType: 'text/plain', cost: { objects: 1 } };
  }
  const range = request.headers.range;
  return { ...rangeReply(attachmentBytes(attachment), typeof range === 'string' ? range : undefined, attachment.mimeType), cost: { objects: 1 } };
}

export const attachmentMetaRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/attachment/meta',
  scope: 'read:jira-work',
  handler: () => ({ status: 200, body: { enabled: true, uploadLimit: 1_073_741_824 } }),
};

export const attachmentRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/attachment/{id}',
  scope: 'read:jira-work',
  handler: (request) => ({ status: 200, body: serializeAttachmentMetadata(viewOf(request), visibleAttachment(request)), cost: { objects: 1 } }),
};

export const attachmentContentRoute: RouteDef = { method: 'GET', path: '/rest/api/3/attachment/content/{id}', scope: 'read:jira-work', handler: (request) => content(request, false) };
export const attachmentThumbnailRoute: RouteDef = { method: 'GET', path: '/rest/api/3/attachment/thumbnail/{id}', scope: 'read:jira-work', handler: (request) => content(request, true) };
