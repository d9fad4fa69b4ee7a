/** Project roles: the name -> URL map and one role with its actors (both need project or Jira administration). */
import { HttpError } from '../../http/http-error.js';
import { boolParam } from '../../http/query-params.js';
import type { RouteDef } from '../../http/route-types.js';
import type { RoleActor } from '../../model/types.js';
import { canAdministerProject } from '../../permissions/access.js';
import { requireUser } from '../route-helpers.js';
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
