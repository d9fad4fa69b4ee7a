/** GET /rest/api/3/project/{projectIdOrKey} — lead, description and issueTypes included by default; key is case-sensitive. */
import { HttpError } from '../../http/http-error.js';
import { projectNotFound } from '../../http/replies.js';
import type { RouteDef, SimRequest } from '../../http/route-types.js';
import { findProject } from '../../model/site-state.js';
import type { Project } from '../../model/types.js';
import { canSeeProject } from '../../permissions/project-visibility.js';
import { serializeProject } from '../../serializers/project.serializer.js';
import { expandOf, viewOf } from '../route-helpers.js';

/** The project named in the path if the caller may see it; 404 otherwise. */
export function visibleProject(request: SimRequest, param = 'projectIdOrKey'): Project {
  const ref = request.params[param] ?? '';
  const project = findProject(request.site, ref);
  if (!project || !canSeeProject(request.site, request.caller.user, project)) throw new HttpError(projectNotFound(ref));
  return project;
}

export const projectGetRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/project/{projectIdOrKey}',
  scope: 'read:jira-work',
  handler: (request) => {
    const project = visibleProject(request);
    const expand = new Set(['description', 'lead', 'issueTypes', ...expandOf(request)]);
    return { status: 200, body: serializeProject(viewOf(request), project, expand), cost: { objects: 1 } };
  },
};
