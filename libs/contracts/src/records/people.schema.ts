import { z } from 'zod';

/** A Jira account. `email` only when Jira shows it to the syncing account (privacy settings hide it otherwise). */
export const ZUserRecordSchema = z.object({
  accountId: z.string().min(1),
  displayName: z.string(),
  email: z.string().optional(),
  active: z.boolean(),
  accountType: z.string(),
  timeZone: z.string().optional(),
});
export type TUserRecord = z.infer<typeof ZUserRecordSchema>;

/** A group with its member account ids (all members, active or not: activity is the user record's). */
export const ZGroupRecordSchema = z.object({
  groupId: z.string().min(1),
  name: z.string(),
  memberAccountIds: z.array(z.string()),
});
export type TGroupRecord = z.infer<typeof ZGroupRecordSchema>;

/**
 * A project role's actors in one project (`kind: 'role'`), or a project's lead (`kind: 'lead'`, `roleId: 'lead'`):
 * the documents `role:<projectId>:<roleId>` and `lead:<projectId>` principals expand through.
 */
export const ZRoleRecordSchema = z.object({
  kind: z.enum(['role', 'lead']),
  projectId: z.string().min(1),
  roleId: z.string().min(1),
  name: z.string(),
  userAccountIds: z.array(z.string()),
  groupIds: z.array(z.string()),
});
export type TRoleRecord = z.infer<typeof ZRoleRecordSchema>;
