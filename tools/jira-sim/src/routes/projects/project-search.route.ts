/** GET /rest/api/3/project/search — PageBean of visible projects (max 100), key order by default. */
import { pageBean } from '../../http/page-bean.js';
import { listParam, pageParams } from '../../http/query-params.js';
import type { RouteDef } from '../../http/route-types.js';
import type { Project } from '../../model/types.js';
import { browsableProjectIds } from '../../permissions/project-visibility.js';
import { serializeProject } from '../../serializers/project.serializer.js';
import { expandOf, viewOf } from '../route-helpers.js';

function sorter(orderBy: string): (left: Project, right: Project) => number {
  const descending = orderBy.startsWith('-');
  const field = orderBy.replace(/^[-+]/, '') || 'key';
  const compare = (left: Project, right: Project): number => (field === 'name' ? left.name.localeCompare(right.name) : field === 'category' ? (left.categoryId ?? '').localeCompare(right.categoryId ?? '') : left.key.localeCompare(right.key));
  return descending ? (left, right) => compare(right, left) : compare;
}

export const projectSearchRoute: RouteDef = {
  method: 'GET',
  path: '/rest/api/3/project/search',
  scope: 'read:jira-work',
  handler: (request) => {
    const visible = browsableProjectIds(request.site, request.caller.user);
    const keys = new Set(listParam(request.query, 'keys'));
    const ids = new Set(listParam(request.query, 'id'));
    const query = request.query.get('query')?.toLowerCase();
    const statuses = new Set(listParam(request.query, 'status'));
    const wantLive = statuses.size === 0 || statuses.has('live');
    const wantArchived = statuses.has('archived');
    const categoryId = request.query.get('categoryId');
    const projects = [...request.site.projects.values()]
      .filter((project) => visible.has(project.id))
      .filter((project) => (project.archived ? wantArchived : wantLive))
      .filter((project) => keys.size === 0 || keys.has(project.key))
      .filter((project) => ids.size === 0 || ids.has(project.id))
      .filter((project) => !query || project.key.toLowerCase().includes(query) || project.name.toLowerCase().includes(query))
      .filter((project) => !categoryId || project.categoryId === categoryId)
      .sort(sorter(request.query.get('orderBy') ?? 'key'));
    const { startAt, maxResults } = pageParams(request.query, 50, 100);
    const view = viewOf(request);
    const expand = expandOf(request);
    const body = pageBean(request, projects, startAt, maxResults, (project) => serializeProject(view, project, expand));
    return { status: 200, body, cost: { objects: body.values.length } };
  },
};
