import { z } from 'zod';
import type { JiraHttp } from '../http/jira-http.js';
import { ZIdSchema } from './common.schema.js';

/** Jira answers these endpoints with 401 (not 403) for a caller without it. */
const PROJECT_ADMIN = 'Administer Projects for the project, or Administer Jira';

/** A role reference: Jira answers `{name: selfUrl}`; the id is the URL's last segment. */
export interface TProjectRoleRef {
  id: string;
  name: string;
}

/** GET /rest/api/3/project/{projectIdOrKey}/role: the roles defined for a project. */
export async function listProjectRoles(http: JiraHttp, projectIdOrKey: string): Promise<TProjectRoleRef[]> {
  const roles = await http.json(
    { method: 'GET', path: '/rest/api/3/project/{projectIdOrKey}/role', pathParams: { projectIdOrKey }, requires: PROJECT_ADMIN },
    z.record(z.string(), z.string().regex(/\/role\/\d+$/, 'a URL ending in /role/{id}')),
  );
  return Object.entries(roles).map(([name, url]) => ({ name, id: url.slice(url.lastIndexOf('/') + 1) }));
}

export const ZRoleActorSchema = z.looseObject({
  id: ZIdSchema.optional(),
  type: z.string(),
  displayName: z.string().optional(),
  actorUser: z.looseObject({ accountId: z.string() }).optional(),
  actorGroup: z.looseObject({ name: z.string().optional(), groupId: z.string().nullish() }).optional(),
});
export type TRoleActor = z.infer<typeof ZRoleActorSchema>;

export const ZProjectRoleSchema = z.looseObject({
  id: ZIdSchema,
  name: z.string(),
  actors: z.array(ZRoleActorSchema).default([]),
});
export type TProjectRole = z.infer<typeof ZProjectRoleSchema>;

/** GET /rest/api/3/project/{projectIdOrKey}/role/{id}: a role's actors (users by accountId, groups by groupId) in one project. */
export async function getProjectRole(
  http: JiraHttp,
  projectIdOrKey: string,
  roleId: string | number,
  options: { excludeInactiveUsers?: boolean } = {},
): Promise<TProjectRole> {
  return http.json(
    {
      method: 'GET',
      path: '/rest/api/3/project/{projectIdOrKey}/role/{id}',
      pathParams: { projectIdOrKey, id: roleId },
      query: { excludeInactiveUsers: options.excludeInactiveUsers },
      requires: PROJECT_ADMIN,
    },
    ZProjectRoleSchema,
  );
}
