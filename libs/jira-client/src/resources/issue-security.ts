import { z } from 'zod';
import { JiraNotFoundError } from '../errors/jira-error.js';
import type { JiraHttp } from '../http/jira-http.js';
import { paginateStartAt } from '../paginate.js';
import { pageBeanSchema, ZIdSchema, ZPermissionHolderSchema } from './common.schema.js';

export const ZSecuritySchemeSchema = z.looseObject({
  id: ZIdSchema,
  name: z.string(),
  defaultSecurityLevelId: ZIdSchema.nullish(),
  levels: z.array(z.looseObject({ id: ZIdSchema, name: z.string(), description: z.string().nullish() })).default([]),
});
export type TSecurityScheme = z.infer<typeof ZSecuritySchemeSchema>;

/**
 * GET /rest/api/3/project/{projectKeyOrId}/issuesecuritylevelscheme. Resolves `undefined` on 404, which Jira returns
 * for a project without an issue-security scheme (and for a project it hides).
 */
export async function getProjectIssueSecurityScheme(http: JiraHttp, projectKeyOrId: string): Promise<TSecurityScheme | undefined> {
  try {
    return await http.json(
      { method: 'GET', path: '/rest/api/3/project/{projectKeyOrId}/issuesecuritylevelscheme', pathParams: { projectKeyOrId }, requires: 'Administer Jira' },
      ZSecuritySchemeSchema,
    );
  } catch (error) {
    if (error instanceof JiraNotFoundError) return undefined;
    throw error;
  }
}

/** GET /rest/api/3/issuesecurityschemes/{id}: a scheme and its levels. */
export async function getIssueSecurityScheme(http: JiraHttp, schemeId: string | number): Promise<TSecurityScheme> {
  return http.json({ method: 'GET', path: '/rest/api/3/issuesecurityschemes/{id}', pathParams: { id: schemeId }, requires: 'Administer Jira or Administer Projects' }, ZSecuritySchemeSchema);
}

export const ZSecurityLevelMemberSchema = z.looseObject({
  id: ZIdSchema,
  issueSecurityLevelId: ZIdSchema,
  issueSecuritySchemeId: ZIdSchema.optional(),
  holder: ZPermissionHolderSchema,
});
export type TSecurityLevelMember = z.infer<typeof ZSecurityLevelMemberSchema>;

/** GET /rest/api/3/issuesecurityschemes/level/member: who may see issues at each level (filters are OR-ed by Jira). */
export function listIssueSecurityLevelMembers(
  http: JiraHttp,
  filter: { schemeId?: Array<string | number>; levelId?: Array<string | number> } = {},
): AsyncIterable<TSecurityLevelMember> {
  return paginateStartAt((startAt) =>
    http.json(
      {
        method: 'GET',
        path: '/rest/api/3/issuesecurityschemes/level/member',
        requires: 'Administer Jira',
        query: { startAt, maxResults: 100, schemeId: filter.schemeId, levelId: filter.levelId, expand: 'user,group,projectRole,field' },
      },
      pageBeanSchema(ZSecurityLevelMemberSchema),
    ),
    'GET /rest/api/3/issuesecurityschemes/level/member',
  );
}
