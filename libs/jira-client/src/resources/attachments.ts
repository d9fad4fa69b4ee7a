import type { Readable } from 'node:stream';
import { z } from 'zod';
import { JiraAttachmentTooLargeError, JiraSchemaError } from '../errors/jira-local-errors.js';
import { getWithoutCredentials } from '../http/get-without-credentials.js';
import type { JiraHttp, JiraResponse } from '../http/jira-http.js';
import { ZIdSchema, ZJiraUserSchema } from './common.schema.js';

export const ZAttachmentMetadataSchema = z.looseObject({
  /** A number on this endpoint, a string inside issues: normalised to a string. */
  id: ZIdSchema,
  filename: z.string(),
  size: z.number(),
  mimeType: z.string().optional(),
  created: z.string().optional(),
  author: ZJiraUserSchema.partial({ accountId: true }).optional(),
  mediaApiFileId: z.string().optional(),
});
export type TAttachmentMetadata = z.infer<typeof ZAttachmentMetadataSchema>;

/** GET /rest/api/3/attachment/{id}: name, size, type and author of one attachment. */
export async function getAttachmentMetadata(http: JiraHttp, id: string | number): Promise<TAttachmentMetadata> {
  return http.json({ method: 'GET', path: '/rest/api/3/attachment/{id}', pathParams: { id } }, ZAttachmentMetadataSchema);
}

export interface AttachmentContent {
  contentType: string | undefined;
  contentLength: number | undefined;
  /** The bytes, streamed; iterating past `maxBytes` throws JiraAttachmentTooLargeError. */
  body: AsyncIterable<Uint8Array>;
  /**
   * The Media Services file id, read from the redirect (`/file/{id}/binary`): ADF `media` nodes name attachments by
   * it, so this is how a file maps to the description or comment that shows it. Absent without a redirect.
   */
  mediaId?: string;
}

/** The media file id in a media host URL (`.../file/{id}/binary?...`). */
export function mediaIdFromLocation(location: string | undefined): string | undefined {
  if (!location) return undefined;
  const match = /\/file\/([^/?#]+)\//.exec(location);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

/**
 * GET /rest/api/3/attachment/content/{id}: follows Jira's 303 to the media host *without* the Authorization header
 * (the redirect URL carries its own short-lived token) and streams the bytes, refusing more than `maxBytes`.
 */
export async function downloadAttachment(http: JiraHttp, id: string | number, options: { maxBytes: number }): Promise<AttachmentContent> {
  const request = { method: 'GET' as const, path: '/rest/api/3/attachment/content/{id}', pathParams: { id }, query: { redirect: true } };
  const context = { method: 'GET', endpoint: `/rest/api/3/attachment/content/${id}` };
  const first = await http.send(request, async (response): Promise<{ location: string | undefined } | { response: JiraResponse }> => {
    if (response.statusCode >= 300) {
      await response.body.dump();
      const location = response.headers.location;
      return { location: Array.isArray(location) ? location[0] : location };
    }
    return { response };
  });
  const response = 'response' in first ? first.response : await getWithoutCredentials(http.dispatcher, resolveLocation(http.baseUrl, first.location, context), context);
  const header = (name: string) => {
    const value = response.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const lengthHeader = header('content-length');
  const contentLength = lengthHeader === undefined ? undefined : Number(lengthHeader);
  if (contentLength !== undefined && contentLength > options.maxBytes) {
    discard(response.body);
    throw new JiraAttachmentTooLargeError(options.maxBytes, context);
  }
  const mediaId = 'location' in first ? mediaIdFromLocation(first.location) : undefined;
  return { contentType: header('content-type'), contentLength, body: capBytes(response.body, options.maxBytes, context), ...(mediaId ? { mediaId } : {}) };
}

function resolveLocation(baseUrl: string, location: string | undefined, context: { method: string; endpoint: string }): URL {
  if (!location) throw new JiraSchemaError('Location header', 'is missing from the redirect', context);
  return new URL(location, baseUrl);
}

/** Closes a body we will not read; the resulting abort is expected, so it is not left unhandled. */
function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

async function* capBytes(
  body: Readable,
  maxBytes: number,
  context: { method: string; endpoint: string },
): AsyncGenerator<Uint8Array> {
  let seen = 0;
  for await (const chunk of body) {
    seen += chunk.byteLength;
    if (seen > maxBytes) {
      discard(body);
      throw new JiraAttachmentTooLargeError(maxBytes, context);
    }
    yield chunk;
  }
}
