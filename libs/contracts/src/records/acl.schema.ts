import { z } from 'zod';

/**
 * A record's read ACL as principals in layers: a reader must hold at least one principal of EVERY layer
 * (browse AND security level AND comment visibility). A layer that does not apply holds only `NO_RESTRICTION`,
 * so one `$in` per layer answers "may this account read it" and every layer stays indexable.
 *
 * Principals (stored, never expanded into reader lists, so a membership change rewrites one group or role document):
 * - `anyone`                      every active account (Jira's "Public" / anyone grant)
 * - `user:<accountId>`            one account
 * - `group:<groupId>`             active members of a group (also what an application-role holder resolves to)
 * - `role:<projectId>:<roleId>`   the role's user actors and members of its group actors
 * - `lead:<projectId>`            the project's lead (the project lead role document)
 *
 * An empty layer admits no one: a record whose ACL could not be resolved is stored but readable by nobody.
 */
export const NO_RESTRICTION = '*';
export const ANYONE = 'anyone';

export const ZPrincipalSchema = z
  .string()
  .regex(/^(\*|anyone|user:\S+|group:\S+|role:[^:\s]+:\S+|lead:\S+)$/, 'must be a principal such as user:<accountId> or group:<groupId>');

export const ZAclSchema = z.object({
  /** Browse Projects holders resolved for this record (issue-dependent holders included). */
  browse: z.array(ZPrincipalSchema),
  /** Issue security level members, or [NO_RESTRICTION]. */
  level: z.array(ZPrincipalSchema).min(1),
  /** Comment visibility (group or role), or [NO_RESTRICTION]. */
  visibility: z.array(ZPrincipalSchema).min(1),
  /** Set when a layer could not be resolved: the record is readable by no one until a sync resolves it. */
  unresolved: z.string().optional(),
});
export type TAcl = z.infer<typeof ZAclSchema>;

export function userPrincipal(accountId: string): string {
  return `user:${accountId}`;
}
export function groupPrincipal(groupId: string): string {
  return `group:${groupId}`;
}
export function rolePrincipal(projectId: string, roleId: string | number): string {
  return `role:${projectId}:${roleId}`;
}
export function leadPrincipal(projectId: string): string {
  return `lead:${projectId}`;
}

/** The ACL of a record nobody may read (fail closed), with the reason an operator acts on. */
export function closedAcl(reason: string): TAcl {
  return { browse: [], level: [NO_RESTRICTION], visibility: [NO_RESTRICTION], unresolved: reason };
}
