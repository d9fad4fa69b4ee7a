import { z } from 'zod';
import { ZAclSchema } from './acl.schema.js';

/** A project: the record group issues belong to. Its ACL is the project-level Browse Projects layer. */
export const ZProjectRecordSchema = z.object({
  projectId: z.string().min(1),
  key: z.string().min(1),
  name: z.string(),
  descriptionMarkdown: z.string(),
  leadAccountId: z.string().optional(),
  category: z.object({ id: z.string(), name: z.string() }).optional(),
  projectTypeKey: z.string().optional(),
  browseUrl: z.string(),
  permissionSchemeId: z.string().optional(),
  issueSecuritySchemeId: z.string().optional(),
  acl: ZAclSchema,
});
export type TProjectRecord = z.infer<typeof ZProjectRecordSchema>;
