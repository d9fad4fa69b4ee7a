import { z } from 'zod';
import type { JiraHttp } from '../http/jira-http.js';
import { paginateStartAt } from '../paginate.js';
import { pageBeanSchema } from './common.schema.js';

export const ZProjectSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  projectTypeKey: z.string().optional(),
  simplified: z.boolean().optional(),
  style: z.string().optional(),
  isPrivate: z.boolean().optional(),
  archived: z.boolean().optional(),
  deleted: z.boolean().optional(),
});
export type TProject = z.infer<typeof ZProjectSchema>;

export type ProjectExpand = 'description' | 'projectKeys' | 'lead' | 'issueTypes' | 'url' | 'insight';

export interface SearchProjectsOptions {
  /** Exact, case-sensitive keys (up to 50). */
  keys?: string[];
  expand?: ProjectExpand[];
  /** Default: live only (Jira's default). */
  status?: Array<'live' | 'archived' | 'deleted'>;
  /** 1..100. Default 50. */
  pageSize?: number;
}

/** GET /rest/api/3/project/search: projects the caller can browse. */
export function searchProjects(http: JiraHttp, options: SearchProjectsOptions = {}): AsyncIterable<TProject> {
  const maxResults = Math.min(options.pageSize ?? 50, 100);
  return paginateStartAt((startAt) =>
    http.json(
      {
        method: 'GET',
        path: '/rest/api/3/project/search',
        query: { startAt, maxResults, keys: options.keys, expand: options.expand?.join(','), status: options.status },
      },
      pageBeanSchema(ZProjectSchema),
    ),
    'GET /rest/api/3/project/search',
  );
}
