import { z } from 'zod';
import { ZAclSchema } from './acl.schema.js';

export const ZPersonRefSchema = z.object({ accountId: z.string(), displayName: z.string().optional() });
export type TPersonRef = z.infer<typeof ZPersonRefSchema>;

/** A custom field with its name from `/field` and a readable value (text, option value, person, group, number, date). */
export const ZCustomFieldValueSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The field's schema type from `/field` (string, option, user, group, number, date, doc, array, ...). */
  type: z.string(),
  /** Human-readable form: Markdown for ADF text areas, display names for people, option values, ISO dates. */
  value: z.string(),
  /** The machine value where it differs from `value` (account id, group id, number, option id). */
  raw: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]).optional(),
});
export type TCustomFieldValue = z.infer<typeof ZCustomFieldValueSchema>;

export const ZIssueLinkSchema = z.object({
  linkId: z.string(),
  type: z.string(),
  direction: z.enum(['inward', 'outward']),
  /** The relation as read from this issue, e.g. "blocks" or "is blocked by". */
  relation: z.string(),
  issueId: z.string(),
  issueKey: z.string().optional(),
});

/** A block group of an issue's content: index 0 is the description, then one group per comment thread. */
export const ZBlockGroupSchema = z.object({
  index: z.number().int().nonnegative(),
  parentIndex: z.number().int().nonnegative().optional(),
  kind: z.enum(['description', 'comments']),
  /** Markdown for the description group; comment groups hold their blocks as comment records. */
  markdown: z.string().optional(),
  /** Media ids (ADF `media` nodes) the group shows inline; attachments map to them by media id. */
  mediaIds: z.array(z.string()),
});
export type TBlockGroup = z.infer<typeof ZBlockGroupSchema>;

export const ZIssueRecordSchema = z.object({
  issueId: z.string().min(1),
  key: z.string().min(1),
  projectId: z.string().min(1),
  projectKey: z.string().min(1),
  summary: z.string(),
  status: z.object({ id: z.string().optional(), name: z.string(), category: z.string().optional() }).optional(),
  priority: z.object({ id: z.string().optional(), name: z.string() }).optional(),
  issueType: z.object({ id: z.string().optional(), name: z.string(), subtask: z.boolean().optional() }).optional(),
  labels: z.array(z.string()),
  components: z.array(z.string()),
  fixVersions: z.array(z.string()),
  customFields: z.array(ZCustomFieldValueSchema),
  reporter: ZPersonRefSchema.optional(),
  assignee: ZPersonRefSchema.optional(),
  creator: ZPersonRefSchema.optional(),
  parent: z.object({ issueId: z.string(), key: z.string().optional() }).optional(),
  links: z.array(ZIssueLinkSchema),
  securityLevel: z.object({ id: z.string(), name: z.string().optional() }).optional(),
  created: z.iso.datetime({ offset: true }),
  updated: z.iso.datetime({ offset: true }),
  resolutionDate: z.iso.datetime({ offset: true }).optional(),
  webUrl: z.string(),
  /** The content: the description (Markdown and inline media) is block group 0, the only place it is carried. */
  blockGroups: z.array(ZBlockGroupSchema),
  /** Every comment id of the issue the sync saw (the consumer drops stored comments not listed). */
  commentIds: z.array(z.string()),
  attachmentIds: z.array(z.string()),
  acl: ZAclSchema,
  /** Conversion warnings (ADF the converter degraded), for diagnostics. */
  warnings: z.array(z.string()).optional(),
});
export type TIssueRecord = z.infer<typeof ZIssueRecordSchema>;
