import { z } from 'zod';
import type { JiraHttp } from '../http/jira-http.js';
import { ZIssueSchema, type TIssue } from './search.js';

const BATCH = 100;

const ZBulkFetchSchema = z.looseObject({
  issues: z.array(ZIssueSchema),
  issueErrors: z.array(z.looseObject({ id: z.union([z.string(), z.number()]).optional(), errorMessage: z.string().optional() })).default([]),
});

export interface BulkFetchOptions {
  fields?: string[];
  /** Sent as an array (this endpoint, unlike search, takes one). */
  expand?: string[];
  properties?: string[];
}

export interface TBulkFetchResult {
  issues: TIssue[];
  /** Ids/keys asked for but absent: deleted, or invisible to this caller. */
  missing: string[];
  /** Per-issue errors Jira reported (retryable on its side). */
  issueErrors: Array<{ id?: string | number; errorMessage?: string }>;
}

/** POST /rest/api/3/issue/bulkfetch in batches of 100: issues by id or key; absent ones are listed in `missing`. */
export async function bulkFetchIssues(http: JiraHttp, idsOrKeys: string[], options: BulkFetchOptions = {}): Promise<TBulkFetchResult> {
  const result: TBulkFetchResult = { issues: [], missing: [], issueErrors: [] };
  for (let i = 0; i < idsOrKeys.length; i += BATCH) {
    const batch = idsOrKeys.slice(i, i + BATCH);
    const page = await http.json(
      {
        method: 'POST',
        path: '/rest/api/3/issue/bulkfetch',
        body: {
          issueIdsOrKeys: batch,
          fields: options.fields ?? ['*all'],
          ...(options.expand ? { expand: options.expand } : {}),
          ...(options.properties ? { properties: options.properties } : {}),
        },
      },
      ZBulkFetchSchema,
    );
    result.issues.push(...page.issues);
    result.issueErrors.push(...page.issueErrors);
    const found = new Set(page.issues.flatMap((issue) => [issue.id, issue.key?.toUpperCase()]));
    result.missing.push(...batch.filter((idOrKey) => !found.has(idOrKey) && !found.has(idOrKey.toUpperCase())));
  }
  return result;
}
