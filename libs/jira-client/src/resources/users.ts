import { z } from 'zod';
import type { JiraHttp } from '../http/jira-http.js';
import { paginateBareArray } from '../paginate.js';
import { ZJiraUserSchema, type TJiraUser } from './common.schema.js';

export interface ListUsersOptions {
  /** Requested page size (Jira caps it at 1000). Default 100. */
  pageSize?: number;
}

/** GET /rest/api/3/users/search: every user, active, inactive and deleted, apps and customers included. */
export function listUsers(http: JiraHttp, options: ListUsersOptions = {}): AsyncIterable<TJiraUser> {
  const maxResults = options.pageSize ?? 100;
  return paginateBareArray((startAt) =>
    http.json(
      { method: 'GET', path: '/rest/api/3/users/search', query: { startAt, maxResults }, retryOn409: true },
      z.array(ZJiraUserSchema),
    ),
    'GET /rest/api/3/users/search',
  );
}

export const ZUserWithGroupsSchema = ZJiraUserSchema.extend({
  groups: z
    .looseObject({ items: z.array(z.looseObject({ name: z.string(), groupId: z.string().nullish() })).optional() })
    .optional(),
});
export type TUserWithGroups = z.infer<typeof ZUserWithGroupsSchema>;

/** GET /rest/api/3/user: one user, with groups and application roles when expanded. */
export async function getUser(
  http: JiraHttp,
  accountId: string,
  options: { expand?: Array<'groups' | 'applicationRoles'> } = {},
): Promise<TUserWithGroups> {
  return http.json(
    { method: 'GET', path: '/rest/api/3/user', query: { accountId, expand: options.expand?.join(',') } },
    ZUserWithGroupsSchema,
  );
}
