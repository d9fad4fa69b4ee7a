/**
 * Project roles: the name -> URL map and one role with its actors (both need project or Jira administration), and the
 * global role list with default actors (Administer Jira).
 */
import { ROLE_IDS } from '../../generator/generate-access.js';
import { HttpError } from '../../http/http-error.js';
import { boolParam } from '../../http/query-params.js';
import type { RouteDef } from '../../http/route-types.js';
import type { RoleActor } from '../../model/types.js';
import { canAdministerProject } from '../../permissions/access.js';
import { requireAdmin, requireUser } from '../route-helpers.js';
import { visibleProject } from './project-get.route.js';

export const projectRolesRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/project/{projectIdOrKey}/role',
  scope: 'read:jira-work',
  handler: (request) => {
    const user = requireUser(request);
    const project = visibleProject(request);
    const adminSomewhere = [...request.site.projects.values()].some((candidate) => canAdministerProject(request.site, user, candidate));
    if (!adminSomewhere) throw HttpError.jira(401, 'You are not authenticated. Authentication required to perform this operation.');
    const map: Record<string, string> = {};
    for (const role of request.site.roles.values()) map[role.name] = `${request.siteUrl}/rest/api/3/project/${project.id}/role/${role.id}`;
    return { status: 200, body: map, cost: { objects: request.site.roles.size, identity: true } };
  },
};

export const projectRoleRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/project/{projectIdOrKey}/role/{id}',
  scope: 'read:jira-work',
  handler: (request) => {
    const user = requireUser(request);
    const project = visibleProject(request);
    if (!canAdministerProject(request.site, user, project)) throw HttpError.jira(404, `No project could be found with key '${request.params.projectIdOrKey ?? ''}'.`);
    const role = request.site.roles.get(Number(request.params.id));
    if (!role) throw HttpError.jira(404, `Can not retrieve a role actor for a null project role.`);
    const excludeInactive = boolParam(request.query, 'excludeInactiveUsers', false);
    const actors = (project.roleActors.get(role.id) ?? [])
      .map((actor) => actorJson(request.site, actor))
      .filter((actor): actor is ActorJson => actor !== undefined && (!excludeInactive || actor.active !== false))
      .sort((left, right) => left.displayName.localeCompare(right.displayName))
      .map(({ active: _active, ...rest }) => rest);
    return {
      status: 200,
      body: { self: `${request.siteUrl}/rest/api/3/project/${project.id}/role/${role.id}`, name: role.name, id: role.id, description: role.description, actors },
      cost: { objects: 1 + actors.length, identity: true },
    };
  },
};

/**
 * Default actors (the members a new project's roles start with). The simulator creates no projects through the API, so
 * only the Administrators role has one, the site's administrator group, as a fresh Jira Cloud site has [U].
 */
function defaultActors(site: Parameters<typeof canAdministerProject>[0], roleId: number): RoleActor[] {
  return roleId === ROLE_IDS.administrators ? [{ id: 10000, kind: 'group', ref: site.adminGroupId }] : [];
}

/** GET /role: every project role with its default actors, as a bare array of `ProjectRole`; Administer Jira only. */
export const rolesRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/role',
  scope: 'manage:jira-configuration',
  handler: (request) => {
    requireAdmin(request);
    const roles = [...request.site.roles.values()].sort((left, right) => left.id - right.id);
    let objects = 0;
    const body = roles.map((role) => {
      const actors = defaultActors(request.site, role.id)
        .map((actor) => actorJson(request.site, actor))
        .filter((actor): actor is ActorJson => actor !== undefined)
        .map(({ active: _active, ...rest }) => rest);
      objects += 1 + actors.length;
      return { self: `${request.siteUrl}/rest/api/3/role/${role.id}`, name: role.name, id: role.id, description: role.description, actors };
    });
    return { status: 200, body, cost: { objects, identity: true } };
  },
};

interface ActorJson {
  id: number;
  displayName: string;
  type: string;
  active?: boolean;
  [key: string]: unknown;
}

function actorJson(site: Parameters<typeof canAdministerProject>[0], actor: RoleActor): ActorJson | undefined {
  if (actor.kind === 'group') {
    const group = site.groups.get(actor.ref);
    if (!group) return undefined;
    return { id: actor.id, displayName: group.name, type: 'atlassian-group-role-actor', name: group.name, actorGroup: { name: group.name, displayName: group.name, groupId: group.groupId } };
  }
  const user = site.users.get(actor.ref);
  if (!user) return undefined;
  return { id: actor.id, displayName: user.displayName, type: 'atlassian-user-role-actor', actorUser: { accountId: user.accountId }, active: user.active };
}
