import { z } from 'zod';
import type { JiraHttp } from '../http/jira-http.js';
import { paginateStartAt, paginateToken } from '../paginate.js';
import { pageBeanSchema, ZIdSchema, ZJiraUserSchema } from './common.schema.js';

export const ZChangelogSchema = z.looseObject({
  id: ZIdSchema,
  author: ZJiraUserSchema.partial({ accountId: true }).optional(),
  /** Jira's timestamp string; the bulk endpoint's spec example shows epoch numbers, so both are accepted. */
  created: z.union([z.string(), z.number()]),
  items: z.array(
    z.looseObject({
      field: z.string(),
      fieldId: z.string().optional(),
      fieldtype: z.string().optional(),
      from: z.string().nullish(),
      fromString: z.string().nullish(),
      to: z.string().nullish(),
      toString: z.string().nullish(),
    }),
  ),
});
export type TChangelog = z.infer<typeof ZChangelogSchema>;

/** GET /rest/api/3/issue/{issueIdOrKey}/changelog: the full history of one issue, oldest first. */
export function listChangelog(http: JiraHttp, issueIdOrKey: string, options: { pageSize?: number } = {}): AsyncIterable<TChangelog> {
  return paginateStartAt((startAt) =>
    http.json(
      {
        method: 'GET',
        path: '/rest/api/3/issue/{issueIdOrKey}/changelog',
        pathParams: { issueIdOrKey },
        query: { startAt, maxResults: options.pageSize ?? 100 },
      },
      pageBeanSchema(ZChangelogSchema),
    ),
    'GET /rest/api/3/issue/{issueIdOrKey}/changelog',
  );
}

const ZBulkChangelogPageSchema = z.looseObject({
  issueChangeLogs: z.array(z.looseObject({ issueId: z.string(), changeHistories: z.array(ZChangelogSchema) })),
  nextPageToken: z.string().nullish(),
});
export type TIssueChangelogs = z.infer<typeof ZBulkChangelogPageSchema>['issueChangeLogs'][number];

/** POST /rest/api/3/changelog/bulkfetch: histories of up to 1000 issues, optionally only for some fields. */
export function bulkFetchChangelogs(
  http: JiraHttp,
  issueIdsOrKeys: string[],
  options: { fieldIds?: string[]; maxResults?: number } = {},
): AsyncIterable<TIssueChangelogs> {
  return paginateToken(async (nextPageToken) => {
    const page = await http.json(
      {
        method: 'POST',
        path: '/rest/api/3/changelog/bulkfetch',
        body: {
          issueIdsOrKeys,
          maxResults: options.maxResults ?? 1000,
          ...(options.fieldIds ? { fieldIds: options.fieldIds } : {}),
          ...(nextPageToken ? { nextPageToken } : {}),
        },
      },
      ZBulkChangelogPageSchema,
    );
    return { values: page.issueChangeLogs, nextPageToken: page.nextPageToken };
  }, 'POST /rest/api/3/changelog/bulkfetch');
}
