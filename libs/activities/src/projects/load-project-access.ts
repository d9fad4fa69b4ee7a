import { JiraError, JiraNotFoundError, JiraPermissionError, JiraServerError, type JiraClient, type TProjectRole } from '@jira-sync/jira-client';
import type { THolder, TProjectAccess } from '../acl/resolve-acl.js';

/** Shares a read between projects of one run (a permission scheme many projects use); absent, every call loads. */
export type TSharedRead = <T>(name: string, load: () => Promise<T>) => Promise<T>;

const loadEveryTime: TSharedRead = (_name, load) => load();

/** What is read once per sync and shared by every project's access model. */
export interface TSiteAccess {
  /** Application role key -> granting group ids; undefined when the account may not read application roles. */
  applicationRoleGroups: Map<string, string[]> | undefined;
  groupIdByName: Map<string, string>;
}

/** A project's roles with their actors (also what the role records are built from). */
export interface TLoadedProjectAccess {
  access: TProjectAccess;
  permissionSchemeId?: string;
  issueSecuritySchemeId?: string;
  roles: TProjectRole[];
  /** Problems a person can act on (which Jira permission to grant). */
  problems: string[];
}

/** Reads the application roles (Administer Jira) and indexes groups by name; both degrade, never throw on 403/401. */
export async function loadSiteAccess(client: JiraClient, groups: Array<{ groupId: string; name: string }>): Promise<TSiteAccess> {
  const groupIdByName = new Map(groups.map((group) => [group.name, group.groupId]));
  try {
    const roles = await client.applicationRoles();
    const applicationRoleGroups = new Map<string, string[]>();
    for (const role of roles) {
      const fromDetails = (role.groupDetails ?? []).map((detail) => detail.groupId ?? (detail.name ? groupIdByName.get(detail.name) : undefined));
      const fromNames = (role.groups ?? []).map((name) => groupIdByName.get(name));
      applicationRoleGroups.set(role.key, [...new Set([...fromDetails, ...fromNames].filter((id): id is string => Boolean(id)))]);
    }
    return { applicationRoleGroups, groupIdByName };
  } catch (error) {
    if (isAccessDenied(error)) return { applicationRoleGroups: undefined, groupIdByName };
    throw error;
  }
}

function isAccessDenied(error: unknown): boolean {
  return error instanceof JiraPermissionError || error instanceof JiraNotFoundError || (error instanceof JiraError && error.kind === 'auth');
}

function grantAdvice(projectKey: string, what: string): string {
  return `${projectKey}: cannot read the project's ${what}; grant the syncing account Administer Projects on ${projectKey} (or Administer Jira). Its records are stored readable by no one until then.`;
}

/**
 * Why a part of the access model is missing, or undefined when the error is not one to degrade on: a refusal (403,
 * 404, 401 on an admin endpoint) says which permission to grant; a 5xx that jira-client's own retries did not get past
 * leaves the part unread for this run, like a refusal, so the records fail closed (or keep their last good ACL).
 */
function unreadableBecause(error: unknown, projectKey: string, what: string): string | undefined {
  if (isAccessDenied(error)) return grantAdvice(projectKey, what);
  if (error instanceof JiraServerError) {
    return `${projectKey}: Jira kept failing to answer for the project's ${what} (${error.message}); its records are stored readable by no one, or keep their last good ACL, until a later sync reads it.`;
  }
  return undefined;
}

/** One part of the access model, or why it stays unread (rethrows what is not a reason to degrade). */
async function readPart<T>(projectKey: string, what: string, read: () => Promise<T>): Promise<{ value: T } | { problem: string }> {
  try {
    return { value: await read() };
  } catch (error) {
    const problem = unreadableBecause(error, projectKey, what);
    if (problem === undefined) throw error;
    return { problem };
  }
}

/**
 * Builds a project's access model: Browse Projects holders (permission scheme, grants expanded), security level
 * members and project roles. A part Jira will not show leaves that part undefined and says which permission is missing.
 * The three parts (and the roles' actors) are read at once; what projects share is read once per run through `shared`:
 * a permission scheme, a security scheme's members, and the role list of company-managed ("classic") projects, which
 * is the site's global role list in every one of them (team-managed projects have their own, so they read theirs).
 */
export async function loadProjectAccess(
  client: JiraClient,
  project: { id: string; key: string; style?: string },
  site: TSiteAccess,
  shared: TSharedRead = loadEveryTime,
): Promise<TLoadedProjectAccess> {
  // Known once the project's scheme is named, even when reading the scheme itself then fails.
  let permissionSchemeId: string | undefined;
  let issueSecuritySchemeId: string | undefined;
  const [permissions, security, roleRead] = await Promise.all([
    readPart(project.key, 'permission scheme', async () => {
      const ref = await client.projectPermissionScheme(project.id);
      permissionSchemeId = String(ref.id);
      const scheme = await shared(`permissionScheme:${ref.id}`, () => client.permissionScheme(ref.id));
      return {
        browse: scheme.permissions.filter((grant) => grant.permission === 'BROWSE_PROJECTS').map((grant) => grant.holder),
        administer: scheme.permissions.filter((grant) => grant.permission === 'ADMINISTER_PROJECTS').map((grant) => grant.holder),
      };
    }),
    readPart(project.key, 'issue security levels', async () => {
      const levels = new Map<string, THolder[]>();
      const scheme = await client.projectIssueSecurityScheme(project.id);
      if (!scheme) return levels;
      issueSecuritySchemeId = String(scheme.id);
      for (const level of scheme.levels) levels.set(String(level.id), []);
      const members = await shared(`securityLevelMembers:${scheme.id}`, async () => {
        const list: Array<{ issueSecurityLevelId: string | number; holder: THolder }> = [];
        for await (const member of client.issueSecurityLevelMembers({ schemeId: [scheme.id] })) list.push(member);
        return list;
      });
      for (const member of members) {
        const list = levels.get(String(member.issueSecurityLevelId)) ?? [];
        list.push(member.holder);
        levels.set(String(member.issueSecurityLevelId), list);
      }
      return levels;
    }),
    readPart(project.key, 'project roles', async () => {
      const refs = project.style === 'classic' ? await shared('classicProjectRoles', () => client.projectRoles(project.id)) : await client.projectRoles(project.id);
      return Promise.all(refs.map((ref) => client.projectRole(project.id, ref.id)));
    }),
  ]);
  const problems = [permissions, security, roleRead].flatMap((part) => ('problem' in part ? [part.problem] : []));
  const roles: TProjectRole[] = 'value' in roleRead ? roleRead.value : [];
  const access: TProjectAccess = {
    projectId: project.id,
    browse: 'value' in permissions ? permissions.value.browse : undefined,
    administer: 'value' in permissions ? permissions.value.administer : [],
    levels: 'value' in security ? security.value : undefined,
    applicationRoleGroups: site.applicationRoleGroups,
    roleIdByName: new Map(roles.map((role) => [role.name, String(role.id)])),
    groupIdByName: site.groupIdByName,
    ...(problems.length > 0 ? { unresolvedReason: problems.join(' ') } : {}),
  };
  return { access, permissionSchemeId, issueSecuritySchemeId, roles, problems };
}
