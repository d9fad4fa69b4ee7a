/**
 * GET /rest/api/3/field — anonymous allowed. System fields are always listed; custom fields only to callers who can
 * browse a project that uses them (every project uses the simulator's custom fields).
 */
import type { RouteDef } from '../../http/route-types.js';
import { canBrowseProject } from '../../permissions/access.js';
import { listFieldDetails } from '../../serializers/field-details.js';

export const fieldsRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/field',
  scope: 'read:jira-work',
  handler: (request) => {
    const includeCustom = [...request.site.projects.values()].some((project) => canBrowseProject(request.site, request.caller.user, project));
    const body = listFieldDetails({ includeCustom, ...(request.site.sprintFieldId ? { sprintFieldId: request.site.sprintFieldId } : {}) });
    return { status: 200, body, cost: { objects: body.length } };
  },
};
