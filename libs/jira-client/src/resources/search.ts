import { z } from 'zod';
import type { JiraHttp } from '../http/jira-http.js';
import { paginateTokenPages, type TokenPageWithNext } from '../paginate.js';

export const ZIssueSchema = z.looseObject({
  id: z.string(),
  key: z.string().optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
});
export type TIssue = z.infer<typeof ZIssueSchema>;

const ZSearchPageSchema = z.looseObject({
  issues: z.array(ZIssueSchema),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

export interface SearchIssuesOptions {
  jql: string;
  /** Field ids, `*all`, `*navigable`, `-field`. Jira's default is `id` only. */
  fields?: string[];
  /** e.g. `renderedFields`, `names`, `changelog` (comma-joined on the wire). */
  expand?: string[];
  properties?: string[];
  /** 1..5000; Jira may return fewer per page for heavy field sets. Default 100. */
  maxResults?: number;
  /** Up to 50 issue ids to read after your own writes; sent identically on every page. */
  reconcileIssues?: number[];
}

/**
 * POST /rest/api/3/search/jql, a page at a time with the token of the next one: what a caller checkpoints to resume
 * later (`startToken`) without reading the earlier pages again.
 */
export function searchIssuePages(http: JiraHttp, options: SearchIssuesOptions & { startToken?: string }): AsyncIterable<TokenPageWithNext<TIssue>> {
  return paginateTokenPages(
    async (nextPageToken) => {
      const page = await http.json(
        {
          method: 'POST',
          path: '/rest/api/3/search/jql',
          body: {
            jql: options.jql,
            maxResults: options.maxResults ?? 100,
            ...(options.fields ? { fields: options.fields } : {}),
            ...(options.expand ? { expand: options.expand.join(',') } : {}),
            ...(options.properties ? { properties: options.properties } : {}),
            ...(options.reconcileIssues ? { reconcileIssues: options.reconcileIssues } : {}),
            ...(nextPageToken ? { nextPageToken } : {}),
          },
        },
        ZSearchPageSchema,
      );
      return { values: page.issues, nextPageToken: page.nextPageToken };
    },
    'POST /rest/api/3/search/jql',
    options.startToken,
  );
}

/** POST /rest/api/3/search/jql: every matching issue, following nextPageToken until it ends. */
export async function* searchIssues(http: JiraHttp, options: SearchIssuesOptions): AsyncGenerator<TIssue> {
  for await (const page of searchIssuePages(http, options)) yield* page.values;
}

/** Ids-only paging (fields=id, up to 5000 a page): the cheap first step before bulkfetch. */
export async function* searchIssueIds(http: JiraHttp, options: { jql: string; maxResults?: number; reconcileIssues?: number[] }): AsyncGenerator<string> {
  const pages = searchIssues(http, { ...options, fields: ['id'], maxResults: options.maxResults ?? 5000 });
  for await (const issue of pages) yield issue.id;
}

/** POST /rest/api/3/search/approximate-count: an estimate (search is eventually consistent). */
export async function approximateCount(http: JiraHttp, jql: string): Promise<number> {
  const result = await http.json(
    { method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql } },
    z.looseObject({ count: z.number() }),
  );
  return result.count;
}
