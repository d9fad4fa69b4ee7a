/** GET /rest/api/3/projectCategory — bare array. */
import type { RouteDef } from '../../http/route-types.js';
import { serializeCategory } from '../../serializers/project.serializer.js';
import { requireUser, viewOf } from '../route-helpers.js';

export const projectCategoryRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/projectCategory',
  scope: 'read:jira-work',
  handler: (request) => {
    requireUser(request);
    const view = viewOf(request);
    const values = [...request.site.categories.values()].map((category) => serializeCategory(view, category));
    return { status: 200, body: values, cost: { objects: values.length } };
  },
};
