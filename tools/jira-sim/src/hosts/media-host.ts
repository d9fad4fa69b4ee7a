/** The media host (https://api.media.atlassian.com): attachment bytes behind a short-lived signed URL (no Authorization). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { attachmentBytes } from '../content/attachment-bytes.js';
import { rangeReply } from '../http/byte-range.js';
import { writeReply } from '../http/write-reply.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';

export function createMediaHandler(runtime: SimRuntime) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', runtime.urls.media);
    const match = /^\/file\/([^/]+)\/(binary|image)$/.exec(url.pathname);
    if (!match || request.method !== 'GET') return writeReply(response, { status: 404, body: { error: { code: 'NotFound', title: 'Not found' } } });
    const claims = runtime.verifyMedia(url.searchParams.get('token') ?? '');
    const site = claims ? runtime.siteByCloudId(claims.cloudId) : undefined;
    const attachment = claims ? site?.state.attachments.get(claims.attachmentId) : undefined;
    if (!claims || !attachment || attachment.mediaId !== match[1]) {
      return writeReply(response, { status: 401, body: { error: { code: 'Unauthorized', title: 'The token is invalid or has expired' } } });
    }
    const range = typeof request.headers.range === 'string' ? request.headers.range : undefined;
    const disposition = url.searchParams.get('dl') === 'true' ? `attachment; filename="${attachment.filename}"` : 'inline';
    writeReply(response, rangeReply(attachmentBytes(attachment), range, attachment.mimeType, { 'content-disposition': disposition }));
  };
}
