import { z } from 'zod';
import { ZAclSchema } from './acl.schema.js';
import { ZPersonRefSchema } from './issue.schema.js';

/** One comment: a block of its issue's comment block group (index 1, parent index 0). */
export const ZCommentRecordSchema = z.object({
  commentId: z.string().min(1),
  issueId: z.string().min(1),
  projectId: z.string().min(1),
  blockGroupIndex: z.number().int().positive(),
  /** Position of the comment in its thread (oldest first). */
  blockIndex: z.number().int().nonnegative(),
  author: ZPersonRefSchema.optional(),
  created: z.iso.datetime({ offset: true }),
  updated: z.iso.datetime({ offset: true }).optional(),
  markdown: z.string(),
  mediaIds: z.array(z.string()),
  visibility: z.object({ type: z.enum(['group', 'role']), value: z.string(), identifier: z.string().optional() }).optional(),
  acl: ZAclSchema,
});
export type TCommentRecord = z.infer<typeof ZCommentRecordSchema>;
