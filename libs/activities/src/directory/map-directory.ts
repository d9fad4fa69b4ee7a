import { leadPrincipal, type TRoleRecord, type TUserRecord } from '@jira-sync/contracts';
import type { TJiraUser, TProjectRole } from '@jira-sync/jira-client';

/** A Jira user as a record: the email only when Jira shows it (privacy settings hide it otherwise). */
export function toUserRecord(user: TJiraUser): TUserRecord {
  return {
    accountId: user.accountId,
    displayName: user.displayName ?? '',
    ...(user.emailAddress ? { email: user.emailAddress } : {}),
    active: user.active ?? false,
    accountType: user.accountType ?? 'atlassian',
    ...(user.timeZone ? { timeZone: user.timeZone } : {}),
  };
}

/** A project role's actors in one project: user actors by account id, group actors by group id. */
export function toRoleRecord(projectId: string, role: TProjectRole, groupIdByName: ReadonlyMap<string, string>): TRoleRecord {
  const userAccountIds = new Set<string>();
  const groupIds = new Set<string>();
  for (const actor of role.actors) {
    if (actor.actorUser?.accountId) userAccountIds.add(actor.actorUser.accountId);
    const group = actor.actorGroup;
    const groupId = group?.groupId ?? (group?.name ? groupIdByName.get(group.name) : undefined);
    if (groupId) groupIds.add(groupId);
  }
  return { kind: 'role', projectId, roleId: String(role.id), name: role.name, userAccountIds: [...userAccountIds].sort(), groupIds: [...groupIds].sort() };
}

/** The project lead as a one-member role, the document `lead:<projectId>` expands through. */
export function toLeadRoleRecord(projectId: string, leadAccountId: string | undefined): TRoleRecord {
  return { kind: 'lead', projectId, roleId: 'lead', name: leadPrincipal(projectId), userAccountIds: leadAccountId ? [leadAccountId] : [], groupIds: [] };
}

/** The external id of a role record, unique per connector. */
export function roleExternalId(role: Pick<TRoleRecord, 'projectId' | 'roleId'>): string {
  return `${role.projectId}:${role.roleId}`;
}
