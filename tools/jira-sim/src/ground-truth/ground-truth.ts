/** What a perfect connector ends up with for a site: records plus resolved read ACLs. */
import type { SiteState } from '../model/site-state.js';
import type { Comment, Issue, Project } from '../model/types.js';
import { canSeeProject } from '../permissions/project-visibility.js';
import type { Acl, AclLayer } from './acl.js';
import { ReaderExpander, addHolder, emptyPrincipals, toLayer } from './acl.js';

export interface GroundTruth {
  cloudId: string;
  siteName: string;
  users: Array<{ accountId: string; accountType: string; displayName: string; email: string; emailVisible: boolean; active: boolean; timeZone: string }>;
  groups: Array<{ groupId: string; name: string; memberAccountIds: string[] }>;
  projects: Array<{ id: string; key: string; name: string; acl: Acl }>;
  issues: Array<{ id: string; key: string; projectId: string; summary: string; created: number; updated: number; parentId?: string; securityLevelId?: string; acl: Acl }>;
  comments: Array<{ id: string; issueId: string; created: number; updated: number; visibility?: { type: string; identifier: string }; acl: Acl }>;
  attachments: Array<{ id: string; issueId: string; commentId?: string; filename: string; mimeType: string; size: number; acl: Acl }>;
}

export interface GroundTruthOptions {
  /** Expand every ACL to its reader accounts (default: on up to 20,000 issues, off for bigger sites). */
  readers?: boolean;
}

const DYNAMIC = new Set(['reporter', 'assignee', 'userCustomField', 'groupCustomField']);

function browseGrants(site: SiteState, project: Project) {
  return (site.permissionSchemes.get(project.permissionSchemeId)?.grants ?? []).filter((grant) => grant.permission === 'BROWSE_PROJECTS');
}

function browseLayer(site: SiteState, project: Project, issue?: Issue): AclLayer {
  const principals = emptyPrincipals();
  for (const grant of browseGrants(site, project)) if (issue || !DYNAMIC.has(grant.holder.type)) addHolder(site, principals, grant.holder, project, issue);
  return toLayer(principals);
}

function levelLayer(site: SiteState, project: Project, issue: Issue): AclLayer | undefined {
  if (!issue.securityLevelId) return undefined;
  const scheme = project.securitySchemeId === undefined ? undefined : site.securitySchemes.get(project.securitySchemeId);
  const level = scheme?.levels.find((candidate) => candidate.id === issue.securityLevelId);
  const principals = emptyPrincipals();
  for (const member of level?.members ?? []) addHolder(site, principals, member.holder, project, issue);
  return toLayer(principals);
}

function visibilityLayer(site: SiteState, project: Project, comment: Comment): AclLayer | undefined {
  const visibility = comment.visibility;
  if (!visibility) return undefined;
  if (visibility.type === 'group') return { anyone: false, groupIds: [visibility.identifier], accountIds: [] };
  const role = [...site.roles.values()].find((candidate) => candidate.name === visibility.value);
  const principals = emptyPrincipals();
  if (role) addHolder(site, principals, { type: 'projectRole', value: String(role.id) }, project);
  return toLayer(principals);
}

function acl(main: AclLayer, also: AclLayer[], expander: ReaderExpander | undefined): Acl {
  return { ...main, ...(also.length > 0 ? { also } : {}), ...(expander ? { readers: expander.readers([main, ...also]) } : {}) };
}

/** Computes the ground truth of one site from its current state. */
export function computeGroundTruth(site: SiteState, options: GroundTruthOptions = {}): GroundTruth {
  const expander = (options.readers ?? site.issues.size <= 20_000) ? new ReaderExpander(site) : undefined;
  const out: GroundTruth = {
    cloudId: site.cloudId,
    siteName: site.name,
    users: [...site.users.values()].map((user) => ({ accountId: user.accountId, accountType: user.accountType, displayName: user.displayName, email: user.email, emailVisible: user.emailVisible, active: user.active, timeZone: user.timeZone })),
    groups: [...site.groups.values()].map((group) => ({ groupId: group.groupId, name: group.name, memberAccountIds: [...group.members].sort() })),
    projects: [],
    issues: [],
    comments: [],
    attachments: [],
  };
  for (const project of site.projects.values()) {
    const readers = expander ? [...site.users.values()].filter((user) => user.active && canSeeProject(site, user, project)).map((user) => user.accountId).sort() : undefined;
    out.projects.push({ id: project.id, key: project.key, name: project.name, acl: { ...browseLayer(site, project), ...(readers ? { readers } : {}) } });
  }
  for (const issue of site.issues.values()) {
    const project = site.projects.get(issue.projectId);
    if (!project) continue;
    const main = browseLayer(site, project, issue);
    const level = levelLayer(site, project, issue);
    const issueAcl = acl(main, level ? [level] : [], expander);
    out.issues.push({ id: issue.id, key: issue.key, projectId: issue.projectId, summary: issue.summary, created: issue.created, updated: issue.updated, parentId: issue.parentId, securityLevelId: issue.securityLevelId, acl: issueAcl });
    const commentAcls = new Map<string, Acl>();
    for (const commentId of issue.commentIds) {
      const comment = site.comments.get(commentId);
      if (!comment) continue;
      const restriction = visibilityLayer(site, project, comment);
      const commentAcl = restriction ? acl(main, [...(level ? [level] : []), restriction], expander) : issueAcl;
      commentAcls.set(comment.id, commentAcl);
      out.comments.push({ id: comment.id, issueId: issue.id, created: comment.created, updated: comment.updated, ...(comment.visibility ? { visibility: { type: comment.visibility.type, identifier: comment.visibility.identifier } } : {}), acl: commentAcl });
    }
    for (const attachmentId of issue.attachmentIds) {
      const attachment = site.attachments.get(attachmentId);
      if (!attachment) continue;
      // A file added through a comment has the comment's ACL (its restriction layer included); otherwise the issue's.
      const commentAcl = attachment.commentId === undefined ? undefined : commentAcls.get(attachment.commentId);
      out.attachments.push({ id: attachment.id, issueId: issue.id, ...(commentAcl ? { commentId: attachment.commentId } : {}), filename: attachment.filename, mimeType: attachment.mimeType, size: attachment.size, acl: commentAcl ?? issueAcl });
    }
  }
  return out;
}
