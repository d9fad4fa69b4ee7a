import { z } from 'zod';
import type { JiraHttp } from '../http/jira-http.js';
import { ZIdSchema, ZPermissionHolderSchema } from './common.schema.js';

export const ZPermissionGrantSchema = z.looseObject({
  id: ZIdSchema.optional(),
  permission: z.string(),
  holder: ZPermissionHolderSchema,
});
export type TPermissionGrant = z.infer<typeof ZPermissionGrantSchema>;

export const ZPermissionSchemeSchema = z.looseObject({
  id: ZIdSchema,
  name: z.string(),
  description: z.string().nullish(),
  permissions: z.array(ZPermissionGrantSchema).optional(),
});
export type TPermissionScheme = z.infer<typeof ZPermissionSchemeSchema>;

/** GET /rest/api/3/project/{projectKeyOrId}/permissionscheme: which scheme a project uses. */
export async function getProjectPermissionScheme(http: JiraHttp, projectKeyOrId: string): Promise<TPermissionScheme> {
  return http.json(
    { method: 'GET', path: '/rest/api/3/project/{projectKeyOrId}/permissionscheme', pathParams: { projectKeyOrId }, requires: 'Administer Jira, or Administer Projects for the project' },
    ZPermissionSchemeSchema,
  );
}

export const ZPermissionSchemeWithGrantsSchema = ZPermissionSchemeSchema.extend({ permissions: z.array(ZPermissionGrantSchema) });
export type TPermissionSchemeWithGrants = z.infer<typeof ZPermissionSchemeWithGrantsSchema>;

/** GET /rest/api/3/permissionscheme/{schemeId}?expand=permissions: the scheme with every grant and holder. */
export async function getPermissionScheme(http: JiraHttp, schemeId: string | number): Promise<TPermissionSchemeWithGrants> {
  return http.json(
    {
      method: 'GET',
      path: '/rest/api/3/permissionscheme/{schemeId}',
      pathParams: { schemeId },
      query: { expand: 'permissions,user,group,projectRole,field' },
    },
    ZPermissionSchemeWithGrantsSchema,
  );
}
