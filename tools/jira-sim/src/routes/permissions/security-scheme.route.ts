/** Issue security: a project's scheme (404 when it has none), the scheme list and a scheme by id, and level members (admin only). */
import { HttpError } from '../../http/http-error.js';
import { pageBean } from '../../http/page-bean.js';
import { listParam, pageParams } from '../../http/query-params.js';
import type { RouteDef } from '../../http/route-types.js';
import { canAdministerProject } from '../../permissions/access.js';
import { holderJson, serializeSecurityScheme } from '../../serializers/scheme.serializer.js';
import { visibleProject } from '../projects/project-get.route.js';
import { requireAdmin, requireUser, viewOf } from '../route-helpers.js';

export const projectSecuritySchemeRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/project/{projectKeyOrId}/issuesecuritylevelscheme',
  scope: 'read:jira-work',
  handler: (request) => {
    const user = requireUser(request);
    const project = visibleProject(request, 'projectKeyOrId');
    if (!canAdministerProject(request.site, user, project)) throw HttpError.jira(403, 'You are not authorized to perform this action. Administrator privileges are required.');
    const scheme = project.securitySchemeId === undefined ? undefined : request.site.securitySchemes.get(project.securitySchemeId);
    if (!scheme) throw HttpError.jira(404, 'No issue security level scheme found for the project.');
    return { status: 200, body: serializeSecurityScheme(viewOf(request), scheme), cost: { objects: 1 } };
  },
};

/** GET /issuesecurityschemes: every scheme, without levels, as `{ issueSecuritySchemes }`; Administer Jira only. */
export const securitySchemesRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/issuesecurityschemes',
  scope: 'manage:jira-project',
  handler: (request) => {
    requireAdmin(request);
    const schemes = [...request.site.securitySchemes.values()].sort((left, right) => left.id - right.id);
    const issueSecuritySchemes = schemes.map((scheme) => serializeSecurityScheme(viewOf(request), scheme, false));
    return { status: 200, body: { issueSecuritySchemes }, cost: { objects: schemes.length, identity: true } };
  },
};

export const securitySchemeRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/issuesecurityschemes/{id}',
  scope: 'manage:jira-project',
  handler: (request) => {
    const user = requireUser(request);
    const scheme = request.site.securitySchemes.get(Number(request.params.id));
    if (!scheme) throw HttpError.jira(404, `Issue security scheme with id ${request.params.id ?? ''} not found.`);
    const allowed = [...request.site.projects.values()].some((project) => project.securitySchemeId === scheme.id && canAdministerProject(request.site, user, project));
    if (!allowed) throw HttpError.jira(403, 'You are not authorized to perform this action. Administrator privileges are required.');
    return { status: 200, body: serializeSecurityScheme(viewOf(request), scheme), cost: { objects: 1 } };
  },
};

export const securityLevelMembersRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/issuesecurityschemes/level/member',
  scope: 'manage:jira-configuration',
  handler: (request) => {
    requireAdmin(request);
    const ids = new Set(listParam(request.query, 'id'));
    const schemeIds = new Set(listParam(request.query, 'schemeId'));
    const levelIds = new Set(listParam(request.query, 'levelId'));
    const unfiltered = ids.size === 0 && schemeIds.size === 0 && levelIds.size === 0;
    const rows = [...request.site.securitySchemes.values()].flatMap((scheme) =>
      scheme.levels.flatMap((level) =>
        level.members
          .filter((member) => unfiltered || ids.has(String(member.id)) || schemeIds.has(String(scheme.id)) || levelIds.has(level.id))
          .map((member) => ({ id: String(member.id), issueSecurityLevelId: level.id, issueSecuritySchemeId: String(scheme.id), holder: holderJson(member.holder), managed: false })),
      ),
    );
    const { startAt, maxResults } = pageParams(request.query, 50, 100);
    const body = pageBean(request, rows, startAt, maxResults, (row) => row);
    return { status: 200, body, cost: { objects: body.values.length, identity: true } };
  },
};

export const securityLevelRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/securitylevel/{id}',
  scope: 'read:jira-work',
  handler: (request) => {
    for (const scheme of request.site.securitySchemes.values()) {
      const level = scheme.levels.find((candidate) => candidate.id === request.params.id);
      if (level) return { status: 200, body: { self: `${request.siteUrl}/rest/api/3/securitylevel/${level.id}`, id: level.id, name: level.name, description: level.description } };
    }
    throw HttpError.jira(404, `Issue security level with id ${request.params.id ?? ''} not found.`);
  },
};
