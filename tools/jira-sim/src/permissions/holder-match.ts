/** Decides whether a user satisfies a permission or security-level holder, optionally in the context of an issue. */
import type { SiteState } from '../model/site-state.js';
import type { Holder, Issue, Project, User } from '../model/types.js';

export function isMemberOfGroup(site: SiteState, accountId: string, groupId: string | undefined): boolean {
  if (!groupId) return false;
  return site.groups.get(groupId)?.members.has(accountId) ?? false;
}

/** True when the user is an actor of the role in this project, directly or through a group actor. */
export function isInProjectRole(site: SiteState, accountId: string, project: Project, roleId: number): boolean {
  for (const actor of project.roleActors.get(roleId) ?? []) {
    if (actor.kind === 'user' ? actor.ref === accountId : isMemberOfGroup(site, accountId, actor.ref)) return true;
  }
  return false;
}

/** Whether the account has access to the Jira application (applicationRole holders). */
export function hasApplicationAccess(site: SiteState, user: User): boolean {
  return user.active && isMemberOfGroup(site, user.accountId, site.appAccessGroupId);
}

/**
 * Whether `user` (undefined = anonymous) satisfies `holder`. Issue-dependent holders (reporter, assignee, custom
 * fields) only match when an issue is given.
 */
export function holderMatches(site: SiteState, holder: Holder, user: User | undefined, project: Project, issue?: Issue): boolean {
  if (holder.type === 'anyone') return true;
  if (!user || !user.active) return false;
  const id = user.accountId;
  switch (holder.type) {
    case 'applicationRole':
      return hasApplicationAccess(site, user);
    case 'group':
      return isMemberOfGroup(site, id, holder.value);
    case 'user':
      return holder.value === id;
    case 'projectRole':
      return isInProjectRole(site, id, project, Number(holder.value));
    case 'projectLead':
      return project.leadAccountId === id;
    case 'reporter':
      return issue?.reporterAccountId === id;
    case 'assignee':
      return issue !== undefined && issue.assigneeAccountId === id;
    case 'userCustomField':
      return issue !== undefined && issue.custom.userPicker === id;
    case 'groupCustomField':
      return issue !== undefined && isMemberOfGroup(site, id, issue.custom.groupPicker);
    default:
      return false;
  }
}

/** Issue-dependent holder types: they grant project browse only through issues the user is named on. */
export const ISSUE_HOLDERS = new Set(['reporter', 'assignee', 'userCustomField', 'groupCustomField']);
