/**
 * GET /rest/api/3/issuesecurityschemes/{issueSecuritySchemeId}/members — the older member listing (numeric ids),
 * optionally for some levels; admin only; 404 when no member matches.
 */
import { HttpError } from '../../http/http-error.js';
import { pageBean } from '../../http/page-bean.js';
import { listParam, pageParams } from '../../http/query-params.js';
import type { RouteDef } from '../../http/route-types.js';
import { holderJson } from '../../serializers/scheme.serializer.js';
import { requireAdmin } from '../route-helpers.js';

export const securitySchemeMembersRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/issuesecurityschemes/{issueSecuritySchemeId}/members',
  scope: 'manage:jira-configuration',
  handler: (request) => {
    requireAdmin(request);
    const scheme = request.site.securitySchemes.get(Number(request.params.issueSecuritySchemeId));
    if (!scheme) throw HttpError.jira(404, `Issue security scheme with id ${request.params.issueSecuritySchemeId ?? ''} not found.`);
    const levelIds = new Set(listParam(request.query, 'issueSecurityLevelId'));
    const rows = scheme.levels
      .filter((level) => levelIds.size === 0 || levelIds.has(level.id))
      .flatMap((level) => level.members.map((member) => ({ id: member.id, issueSecurityLevelId: Number(level.id), holder: holderJson(member.holder) })));
    if (rows.length === 0) throw HttpError.jira(404, 'No issue security level members were found.');
    const { startAt, maxResults } = pageParams(request.query, 50, 50);
    const body = pageBean(request, rows, startAt, maxResults, (row) => row);
    return { status: 200, body, cost: { objects: body.values.length, identity: true } };
  },
};
