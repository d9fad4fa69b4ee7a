/** Permission schemes: the project's scheme (admins; summary unless expanded) and a scheme by id (grants always). */
import { HttpError } from '../../http/http-error.js';
import type { RouteDef } from '../../http/route-types.js';
import { canAdministerProject } from '../../permissions/access.js';
import { serializePermissionScheme } from '../../serializers/scheme.serializer.js';
import { visibleProject } from '../projects/project-get.route.js';
import { expandOf, requireUser, viewOf } from '../route-helpers.js';

export const projectPermissionSchemeRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/project/{projectKeyOrId}/permissionscheme',
  scope: 'read:jira-work',
  handler: (request) => {
    const user = requireUser(request);
    const project = visibleProject(request, 'projectKeyOrId');
    if (!canAdministerProject(request.site, user, project)) throw HttpError.jira(403, 'You do not have the permission to see the specified project.');
    const scheme = request.site.permissionSchemes.get(project.permissionSchemeId);
    if (!scheme) throw HttpError.jira(404, 'Permission scheme not found.');
    const body = serializePermissionScheme(viewOf(request), scheme, expandOf(request).size > 0);
    return { status: 200, body, cost: { objects: 1, identity: true } };
  },
};

export const permissionSchemeRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/permissionscheme/{schemeId}',
  scope: 'read:jira-work',
  handler: (request) => {
    requireUser(request);
    const scheme = request.site.permissionSchemes.get(Number(request.params.schemeId));
    if (!scheme) throw HttpError.jira(404, `Permission scheme with id ${request.params.schemeId ?? ''} not found.`);
    return { status: 200, body: serializePermissionScheme(viewOf(request), scheme, true), cost: { objects: 1 + scheme.grants.length, identity: true } };
  },
};

/** GET /permissionscheme: every scheme for any logged-in account (grants only when expanded), as `{ permissionSchemes }`. */
export const permissionSchemesRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/permissionscheme',
  scope: 'read:jira-work',
  handler: (request) => {
    requireUser(request);
    const withGrants = expandOf(request).size > 0;
    const schemes = [...request.site.permissionSchemes.values()].sort((left, right) => left.id - right.id);
    const permissionSchemes = schemes.map((scheme) => serializePermissionScheme(viewOf(request), scheme, withGrants));
    return { status: 200, body: { permissionSchemes }, cost: { objects: schemes.length, identity: true } };
  },
};
