import { z } from 'zod';
import { ZAclSchema } from './acl.schema.js';

/** Where an attachment's bytes are: in GridFS, or not stored with the reason. Bytes never travel in Kafka. */
export const ZAttachmentContentSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('stored'), gridFsId: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().nonnegative() }),
  z.object({ state: z.literal('skipped'), reason: z.string() }),
]);
export type TAttachmentContent = z.infer<typeof ZAttachmentContentSchema>;

/** A file on an issue: shown in the description, or added through a comment (matched by media id, never by name). */
export const ZAttachmentRecordSchema = z.object({
  attachmentId: z.string().min(1),
  issueId: z.string().min(1),
  projectId: z.string().min(1),
  filename: z.string(),
  mimeType: z.string(),
  size: z.number().int().nonnegative(),
  created: z.iso.datetime({ offset: true }).optional(),
  author: z.object({ accountId: z.string(), displayName: z.string().optional() }).optional(),
  mediaId: z.string().optional(),
  /** 'description', 'comment' (with commentId) or 'issue' (attached but shown in neither). */
  placement: z.enum(['description', 'comment', 'issue']),
  commentId: z.string().optional(),
  content: ZAttachmentContentSchema,
  acl: ZAclSchema,
});
export type TAttachmentRecord = z.infer<typeof ZAttachmentRecordSchema>;
