/** Projects a caller may browse, cached per site version (project browse can need an index-wide scan). */
import type { SiteState } from '../model/site-state.js';
import type { Project, User } from '../model/types.js';
import { canAdministerProject, canBrowseProject } from './access.js';

const cache = new WeakMap<SiteState, { version: number; byCaller: Map<string, Set<string>> }>();

/** Ids of projects the caller can browse (Browse Projects, Administer Projects or Administer Jira). */
export function browsableProjectIds(site: SiteState, user: User | undefined): Set<string> {
  let entry = cache.get(site);
  if (!entry || entry.version !== site.version) {
    entry = { version: site.version, byCaller: new Map() };
    cache.set(site, entry);
  }
  const key = user?.accountId ?? '';
  let ids = entry.byCaller.get(key);
  if (!ids) {
    ids = new Set([...site.projects.values()].filter((project) => canBrowseProject(site, user, project) || canAdministerProject(site, user, project)).map((project) => project.id));
    entry.byCaller.set(key, ids);
  }
  return ids;
}

/**
 * Ids of projects JQL may name: Browse Projects only. A project the caller administers without Browse is listed by
 * project/search, yet `project = X` answers 400 "The value 'X' does not exist for the field 'project'" (issue #11).
 */
export function jqlProjectIds(site: SiteState, user: User | undefined): Set<string> {
  const listed = browsableProjectIds(site, user);
  const entry = cache.get(site);
  const key = `jql:${user?.accountId ?? ''}`;
  let ids = entry?.byCaller.get(key);
  if (!ids) {
    ids = new Set([...site.projects.values()].filter((project) => listed.has(project.id) && canBrowseProject(site, user, project)).map((project) => project.id));
    entry?.byCaller.set(key, ids);
  }
  return ids;
}

export function canSeeProject(site: SiteState, user: User | undefined, project: Project): boolean {
  return browsableProjectIds(site, user).has(project.id);
}
