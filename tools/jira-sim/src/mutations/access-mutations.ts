/** Permission changes: grants, group membership, role actors, email visibility, account activation (audited). */
import { findProject } from '../model/site-state.js';
import type { Holder } from '../model/types.js';
import { managedEmailPolicy } from '../scenarios/org-accounts.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';
import type { SiteRef } from './mutation-context.js';
import { audit, siteOf } from './mutation-context.js';

export function addGrant(runtime: SimRuntime, input: SiteRef & { schemeId: number; permission: string; holder: Holder }): number {
  const site = siteOf(runtime, input);
  const scheme = site.state.permissionSchemes.get(input.schemeId);
  if (!scheme) throw new Error(`No permission scheme ${input.schemeId}.`);
  const id = site.state.nextIds.grant++;
  scheme.grants.push({ id, permission: input.permission, holder: { ...input.holder } });
  audit(runtime, site, { summary: 'Permission scheme updated', category: 'permissions', objectItem: { id: String(scheme.id), name: scheme.name, typeName: 'PERMISSION_SCHEME' }, changedValues: [{ fieldName: input.permission, changedTo: `${input.holder.type}${input.holder.parameter ? `:${input.holder.parameter}` : ''}` }] });
  return id;
}

export function removeGrant(runtime: SimRuntime, input: SiteRef & { grantId: number }): void {
  const site = siteOf(runtime, input);
  for (const scheme of site.state.permissionSchemes.values()) {
    const grant = scheme.grants.find((candidate) => candidate.id === input.grantId);
    if (!grant) continue;
    scheme.grants = scheme.grants.filter((candidate) => candidate.id !== input.grantId);
    audit(runtime, site, { summary: 'Permission scheme updated', category: 'permissions', objectItem: { id: String(scheme.id), name: scheme.name, typeName: 'PERMISSION_SCHEME' }, changedValues: [{ fieldName: grant.permission, changedFrom: `${grant.holder.type}${grant.holder.parameter ? `:${grant.holder.parameter}` : ''}` }] });
    return;
  }
  throw new Error(`No grant ${input.grantId}.`);
}

export function setGroupMembership(runtime: SimRuntime, input: SiteRef & { groupId: string; accountId: string; member: boolean }): void {
  const site = siteOf(runtime, input);
  const group = site.state.groups.get(input.groupId);
  if (!group) throw new Error(`No group ${input.groupId}.`);
  if (input.member) group.members.add(input.accountId);
  else group.members.delete(input.accountId);
  const user = site.state.users.get(input.accountId);
  audit(runtime, site, {
    summary: input.member ? 'User added to group' : 'User removed from group',
    category: 'group management',
    objectItem: { id: input.accountId, name: input.accountId, typeName: 'USER', parentId: '10000', parentName: 'com.atlassian.crowd.directory.IdentityPlatformRemoteDirectory' },
    associatedItems: [{ id: group.groupId, name: group.name, typeName: 'GROUP' }],
    changedValues: user ? [{ fieldName: 'displayName', changedTo: user.displayName }] : [],
  });
}

export function setRoleActor(runtime: SimRuntime, input: SiteRef & { projectKey: string; roleId: number; kind: 'user' | 'group'; ref: string; present: boolean }): void {
  const site = siteOf(runtime, input);
  const project = findProject(site.state, input.projectKey);
  if (!project) throw new Error(`No project ${input.projectKey}.`);
  const actors = (project.roleActors.get(input.roleId) ?? []).filter((actor) => !(actor.kind === input.kind && actor.ref === input.ref));
  if (input.present) actors.push({ id: 20_000 + site.state.nextIds.grant++, kind: input.kind, ref: input.ref });
  project.roleActors.set(input.roleId, actors);
  audit(runtime, site, { summary: 'Project roles changed', category: 'projects', objectItem: { id: project.id, name: project.key, typeName: 'PROJECT' }, changedValues: [{ fieldName: String(input.roleId), ...(input.present ? { changedTo: input.ref } : { changedFrom: input.ref }) }] });
}

/**
 * Profile email visibility is an account setting (all sites), not audited by Jira. For a managed account (switch
 * managedEmailDomains) the organisation's policy wins and the profile setting changes nothing.
 */
export function setEmailVisibility(runtime: SimRuntime, accountId: string, visible: boolean): void {
  const user = runtime.directory.get(accountId);
  if (!user) throw new Error(`No account ${accountId}.`);
  user.emailVisible = managedEmailPolicy(runtime.options.managedEmailDomains, user) ?? visible;
  for (const site of runtime.sites) site.state.version += 1;
}

export function setUserActive(runtime: SimRuntime, accountId: string, active: boolean): void {
  const user = runtime.directory.get(accountId);
  if (!user) throw new Error(`No account ${accountId}.`);
  user.active = active;
  for (const site of runtime.sites) {
    audit(runtime, site, { summary: active ? 'User activated' : 'User deactivated', category: 'user management', objectItem: { id: accountId, name: accountId, typeName: 'USER' } });
  }
}

/** Archives or restores a project (archived projects leave default project listings and search). */
export function setProjectArchived(runtime: SimRuntime, input: SiteRef & { projectKey: string; archived: boolean }): void {
  const site = siteOf(runtime, input);
  const project = findProject(site.state, input.projectKey);
  if (!project) throw new Error(`No project ${input.projectKey}.`);
  project.archived = input.archived;
  audit(runtime, site, { summary: input.archived ? 'Project archived' : 'Project restored', category: 'projects', objectItem: { id: project.id, name: project.key, typeName: 'PROJECT' } });
}
