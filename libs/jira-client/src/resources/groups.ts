import { z } from 'zod';
import type { JiraHttp } from '../http/jira-http.js';
import { paginateStartAt } from '../paginate.js';
import { pageBeanSchema, ZJiraUserSchema, type TJiraUser } from './common.schema.js';

export const ZGroupSchema = z.looseObject({ groupId: z.string(), name: z.string() });
export type TGroup = z.infer<typeof ZGroupSchema>;

/** GET /rest/api/3/group/bulk: every group (names are mutable; key by groupId). */
export function listGroups(http: JiraHttp, options: { pageSize?: number } = {}): AsyncIterable<TGroup> {
  const maxResults = options.pageSize ?? 50;
  return paginateStartAt((startAt) =>
    http.json({ method: 'GET', path: '/rest/api/3/group/bulk', query: { startAt, maxResults } }, pageBeanSchema(ZGroupSchema)),
  );
}

export interface ListGroupMembersOptions {
  /** Include deactivated accounts. Default false (as Jira). */
  includeInactiveUsers?: boolean;
  /** 1..50. Default 50. */
  pageSize?: number;
}

/** GET /rest/api/3/group/member by groupId (never by the mutable name). */
export function listGroupMembers(http: JiraHttp, groupId: string, options: ListGroupMembersOptions = {}): AsyncIterable<TJiraUser> {
  const maxResults = Math.min(options.pageSize ?? 50, 50);
  const includeInactiveUsers = options.includeInactiveUsers ?? false;
  return paginateStartAt((startAt) =>
    http.json(
      { method: 'GET', path: '/rest/api/3/group/member', query: { groupId, includeInactiveUsers, startAt, maxResults } },
      pageBeanSchema(ZJiraUserSchema),
    ),
  );
}
