/** The ACL layers of a record: Browse Projects holders, the issue security level and a comment's visibility. */
import type { SiteState } from '../model/site-state.js';
import type { Comment, Issue, Project } from '../model/types.js';
import type { Acl, AclLayer, ReaderExpander } from './acl.js';
import { addHolder, emptyPrincipals, toLayer } from './acl.js';

const DYNAMIC = new Set(['reporter', 'assignee', 'userCustomField', 'groupCustomField']);

function browseGrants(site: SiteState, project: Project) {
  return (site.permissionSchemes.get(project.permissionSchemeId)?.grants ?? []).filter((grant) => grant.permission === 'BROWSE_PROJECTS');
}

/** Browse Projects holders for a project (static holders only) or one of its issues (dynamic holders resolved). */
export function browseLayer(site: SiteState, project: Project, issue?: Issue): AclLayer {
  const principals = emptyPrincipals();
  for (const grant of browseGrants(site, project)) if (issue || !DYNAMIC.has(grant.holder.type)) addHolder(site, principals, grant.holder, project, issue);
  return toLayer(principals);
}

/** The issue security level's members, when the issue has a level. */
export function levelLayer(site: SiteState, project: Project, issue: Issue): AclLayer | undefined {
  if (!issue.securityLevelId) return undefined;
  const scheme = project.securitySchemeId === undefined ? undefined : site.securitySchemes.get(project.securitySchemeId);
  const level = scheme?.levels.find((candidate) => candidate.id === issue.securityLevelId);
  const principals = emptyPrincipals();
  for (const member of level?.members ?? []) addHolder(site, principals, member.holder, project, issue);
  return toLayer(principals);
}

/** A restricted comment's group or role, when the comment is restricted. */
export function visibilityLayer(site: SiteState, project: Project, comment: Comment): AclLayer | undefined {
  const visibility = comment.visibility;
  if (!visibility) return undefined;
  if (visibility.type === 'group') return { anyone: false, groupIds: [visibility.identifier], accountIds: [] };
  const role = [...site.roles.values()].find((candidate) => candidate.name === visibility.value);
  const principals = emptyPrincipals();
  if (role) addHolder(site, principals, { type: 'projectRole', value: String(role.id) }, project);
  return toLayer(principals);
}

/** The main layer, further layers and (when expanding) the reader accounts. */
export function combineAcl(main: AclLayer, also: AclLayer[], expander: ReaderExpander | undefined): Acl {
  return { ...main, ...(also.length > 0 ? { also } : {}), ...(expander ? { readers: expander.readers([main, ...also]) } : {}) };
}
