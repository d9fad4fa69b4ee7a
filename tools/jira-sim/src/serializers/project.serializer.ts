/** Project JSON for project/search (expand-dependent) and project/{key} (lead, description, issueTypes by default). */
import type { Project, ProjectCategory } from '../model/types.js';
import { avatarUrls, userRef } from './user.serializer.js';
import type { ViewContext } from './view-context.js';

export const ISSUE_TYPES = [
  { id: '10000', name: 'Epic', subtask: false, hierarchyLevel: 1 },
  { id: '10001', name: 'Story', subtask: false, hierarchyLevel: 0 },
  { id: '10002', name: 'Task', subtask: false, hierarchyLevel: 0 },
  { id: '10004', name: 'Bug', subtask: false, hierarchyLevel: 0 },
  { id: '10003', name: 'Subtask', subtask: true, hierarchyLevel: -1 },
] as const;

/** The level above Epic (switch epicParents); not listed with the project's issue types. */
const INITIATIVE = { id: '10005', name: 'Initiative', subtask: false, hierarchyLevel: 2 } as const;

export function serializeCategory(view: ViewContext, category: ProjectCategory): Record<string, unknown> {
  return { self: `${view.siteUrl}/rest/api/3/projectCategory/${category.id}`, id: category.id, name: category.name, description: category.description };
}

export function issueTypeJson(view: ViewContext, name: string): Record<string, unknown> {
  const type = [...ISSUE_TYPES, INITIATIVE].find((candidate) => candidate.name === name) ?? ISSUE_TYPES[2];
  return {
    self: `${view.siteUrl}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    description: `${type.name} issue type`,
    iconUrl: `${view.siteUrl}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${type.id}`,
    name: type.name,
    subtask: type.subtask,
    avatarId: Number(type.id),
    hierarchyLevel: type.hierarchyLevel,
  };
}

/** Compact project reference embedded in issues. */
export function projectRef(view: ViewContext, project: Project): Record<string, unknown> {
  return {
    self: `${view.siteUrl}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: project.projectTypeKey,
    simplified: false,
    avatarUrls: avatarUrls(`project-${project.id}`),
  };
}

/** Full project JSON; `expand` names what is added beyond the base fields. */
export function serializeProject(view: ViewContext, project: Project, expand: Set<string>): Record<string, unknown> {
  const category = project.categoryId ? view.site.categories.get(project.categoryId) : undefined;
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    ...projectRef(view, project),
    ...(expand.has('description') ? { description: project.description } : {}),
    ...(expand.has('lead') ? { lead: userRef(view, project.leadAccountId) } : {}),
    ...(expand.has('issueTypes') ? { issueTypes: ISSUE_TYPES.map((type) => issueTypeJson(view, type.name)) } : {}),
    ...(expand.has('url') ? { url: '' } : {}),
    ...(category ? { projectCategory: serializeCategory(view, category) } : {}),
    style: 'classic',
    isPrivate: false,
    properties: {},
    archived: project.archived,
  };
}
