import { z } from 'zod';
import type { JiraHttp } from '../http/jira-http.js';
import { paginateStartAt } from '../paginate.js';
import { pageBeanSchema, ZJiraUserSchema, type TJiraUser } from './common.schema.js';

/** GroupDetails as the document has it: `groupId` is nullable. */
const ZGroupDetailsSchema = z.looseObject({ groupId: z.string().nullish(), name: z.string() });
/** A group the sync can use: keyed by its immutable groupId (members are listed by it; names are mutable). */
export type TGroup = z.infer<typeof ZGroupDetailsSchema> & { groupId: string };

export interface ListGroupsOptions {
  pageSize?: number;
  /** Told of each group Jira listed without a groupId (skipped: it can be neither keyed nor have its members listed). */
  onGroupWithoutId?: (group: { name: string }) => void;
}

/**
 * GET /rest/api/3/group/bulk: every group (names are mutable; key by groupId). A group whose groupId is null (the
 * document allows it) is skipped and reported through `onGroupWithoutId`, instead of failing the whole listing.
 */
export async function* listGroups(http: JiraHttp, options: ListGroupsOptions = {}): AsyncGenerator<TGroup> {
  const maxResults = options.pageSize ?? 50;
  const groups = paginateStartAt((startAt) =>
    http.json({ method: 'GET', path: '/rest/api/3/group/bulk', query: { startAt, maxResults } }, pageBeanSchema(ZGroupDetailsSchema)),
    'GET /rest/api/3/group/bulk',
  );
  for await (const group of groups) {
    if (typeof group.groupId === 'string' && group.groupId !== '') yield group as TGroup;
    else options.onGroupWithoutId?.({ name: group.name });
  }
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
    'GET /rest/api/3/group/member',
  );
}
