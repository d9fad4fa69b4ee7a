import { z } from 'zod';
import { JiraConfigurationError } from '../errors/jira-local-errors.js';
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

/** What POST /rest/api/3/changelog/bulkfetch accepts (BulkChangelogRequestBean); more is a 400. */
export const BULK_CHANGELOG_MAX_ISSUES = 1000;
export const BULK_CHANGELOG_MAX_FIELD_IDS = 10;
const BULK_CHANGELOG_MAX_RESULTS = 10_000;

/**
 * POST /rest/api/3/changelog/bulkfetch: histories of any number of issues, sent in batches of 1,000 (none for an
 * empty list), optionally only for up to 10 fields. Input Jira would reject is refused before any request.
 */
export async function* bulkFetchChangelogs(
  http: JiraHttp,
  issueIdsOrKeys: string[],
  options: { fieldIds?: string[]; maxResults?: number } = {},
): AsyncGenerator<TIssueChangelogs> {
  const fieldIds = options.fieldIds ? [...new Set(options.fieldIds)] : undefined;
  if (fieldIds && fieldIds.length > BULK_CHANGELOG_MAX_FIELD_IDS) {
    throw new JiraConfigurationError(
      `Bulk changelogs can filter on at most ${BULK_CHANGELOG_MAX_FIELD_IDS} field ids, and ${fieldIds.length} were given. Pass fewer, or none for every field.`,
    );
  }
  const maxResults = options.maxResults ?? 1000;
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > BULK_CHANGELOG_MAX_RESULTS) {
    throw new JiraConfigurationError(`Bulk changelogs take maxResults from 1 to ${BULK_CHANGELOG_MAX_RESULTS}, not ${maxResults}.`);
  }
  for (let i = 0; i < issueIdsOrKeys.length; i += BULK_CHANGELOG_MAX_ISSUES) {
    const batch = issueIdsOrKeys.slice(i, i + BULK_CHANGELOG_MAX_ISSUES);
    yield* paginateToken(async (nextPageToken) => {
      const page = await http.json(
        {
          method: 'POST',
          path: '/rest/api/3/changelog/bulkfetch',
          body: {
            issueIdsOrKeys: batch,
            maxResults,
            ...(fieldIds && fieldIds.length > 0 ? { fieldIds } : {}),
            ...(nextPageToken ? { nextPageToken } : {}),
          },
        },
        ZBulkChangelogPageSchema,
      );
      return { values: page.issueChangeLogs, nextPageToken: page.nextPageToken };
    }, 'POST /rest/api/3/changelog/bulkfetch');
  }
}
