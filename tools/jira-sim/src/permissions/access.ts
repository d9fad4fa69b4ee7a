/** Jira's read permissions: global (admin, browse users), project browse, issue security, comment visibility. */
import type { SiteState } from '../model/site-state.js';
import type { Attachment, Comment, Grant, Issue, Project, User } from '../model/types.js';
import { ISSUE_HOLDERS, holderMatches, isInProjectRole, isMemberOfGroup } from './holder-match.js';

/** Administer Jira (member of jira-admins). */
export function isAdmin(site: SiteState, user: User | undefined): boolean {
  return user !== undefined && user.active && isMemberOfGroup(site, user.accountId, site.adminGroupId);
}

/** Browse users and groups global permission. */
export function canBrowseUsers(site: SiteState, user: User | undefined): boolean {
  if (!user || !user.active) return false;
  for (const groupId of site.browseUsersGroupIds) if (isMemberOfGroup(site, user.accountId, groupId)) return true;
  return false;
}

const grantCache = new WeakMap<SiteState, { version: number; byKey: Map<string, Grant[]> }>();

/** Grants of one permission in the project's scheme (cached until the site changes: searches check every issue). */
function grantsFor(site: SiteState, project: Project, permission: string): Grant[] {
  let entry = grantCache.get(site);
  if (!entry || entry.version !== site.version) {
    entry = { version: site.version, byKey: new Map() };
    grantCache.set(site, entry);
  }
  const key = `${project.permissionSchemeId} ${permission}`;
  let grants = entry.byKey.get(key);
  if (!grants) {
    grants = (site.permissionSchemes.get(project.permissionSchemeId)?.grants ?? []).filter((grant) => grant.permission === permission);
    entry.byKey.set(key, grants);
  }
  return grants;
}

/** Administer Projects for this project (or Administer Jira). */
export function canAdministerProject(site: SiteState, user: User | undefined, project: Project): boolean {
  if (isAdmin(site, user)) return true;
  return grantsFor(site, project, 'ADMINISTER_PROJECTS').some((grant) => holderMatches(site, grant.holder, user, project));
}

/**
 * Project-level Browse Projects: a context-free grant, or an issue-dependent grant the user satisfies on at least one
 * issue of the project (Jira answers such checks with an index search).
 */
export function canBrowseProject(site: SiteState, user: User | undefined, project: Project): boolean {
  const grants = grantsFor(site, project, 'BROWSE_PROJECTS');
  if (grants.some((grant) => !ISSUE_HOLDERS.has(grant.holder.type) && holderMatches(site, grant.holder, user, project))) return true;
  const dynamic = grants.filter((grant) => ISSUE_HOLDERS.has(grant.holder.type));
  if (dynamic.length === 0 || !user) return false;
  for (const issue of site.issues.values()) {
    if (issue.projectId !== project.id) continue;
    if (dynamic.some((grant) => holderMatches(site, grant.holder, user, project, issue))) return true;
  }
  return false;
}

/** Whether the user passes the issue's security level (true when the issue has none). */
export function passesSecurityLevel(site: SiteState, user: User | undefined, project: Project, issue: Issue): boolean {
  if (!issue.securityLevelId) return true;
  const scheme = project.securitySchemeId === undefined ? undefined : site.securitySchemes.get(project.securitySchemeId);
  const level = scheme?.levels.find((candidate) => candidate.id === issue.securityLevelId);
  if (!level) return false;
  return level.members.some((member) => holderMatches(site, member.holder, user, project, issue));
}

/** Browse permission on this issue plus its security level. */
export function canSeeIssue(site: SiteState, user: User | undefined, issue: Issue): boolean {
  const project = site.projects.get(issue.projectId);
  if (!project) return false;
  const browse = grantsFor(site, project, 'BROWSE_PROJECTS').some((grant) => holderMatches(site, grant.holder, user, project, issue));
  return browse && passesSecurityLevel(site, user, project, issue);
}

/** Comment visibility: a group restriction needs membership, a role restriction needs the role in the project. */
export function canSeeComment(site: SiteState, user: User | undefined, comment: Comment, issue: Issue): boolean {
  const visibility = comment.visibility;
  if (!visibility) return true;
  if (!user || !user.active) return false;
  if (visibility.type === 'group') return isMemberOfGroup(site, user.accountId, visibility.identifier);
  const project = site.projects.get(issue.projectId);
  const role = [...site.roles.values()].find((candidate) => candidate.name === visibility.value);
  return project !== undefined && role !== undefined && isInProjectRole(site, user.accountId, project, role.id);
}

/**
 * Whether the user may see an attachment it can already see the issue of: one added through a restricted comment
 * follows that comment's visibility (a comment deleted since leaves the attachment following the issue).
 */
export function canSeeAttachmentOnIssue(site: SiteState, user: User | undefined, attachment: Attachment, issue: Issue): boolean {
  const comment = attachment.commentId === undefined ? undefined : site.comments.get(attachment.commentId);
  return comment === undefined || canSeeComment(site, user, comment, issue);
}
