import { z } from 'zod';
import type { JiraHttp } from '../http/jira-http.js';
import { paginateStartAt } from '../paginate.js';
import { ZJiraUserSchema } from './common.schema.js';

export const ZCommentSchema = z.looseObject({
  id: z.string(),
  author: ZJiraUserSchema.partial({ accountId: true }).optional(),
  /** ADF. Optional in the document (and absent on some redacted or emptied comments): absent means no text. */
  body: z.unknown().optional(),
  created: z.string(),
  updated: z.string().optional(),
  visibility: z.looseObject({ type: z.string(), value: z.string().optional(), identifier: z.string().nullish() }).nullish(),
  jsdPublic: z.boolean().optional(),
});
export type TComment = z.infer<typeof ZCommentSchema>;

const ZPageOfCommentsSchema = z.looseObject({
  comments: z.array(ZCommentSchema),
  startAt: z.number().optional(),
  total: z.number().optional(),
});

/** GET /rest/api/3/issue/{issueIdOrKey}/comment: every comment the caller may see, oldest first, all pages. */
export function listComments(
  http: JiraHttp,
  issueIdOrKey: string,
  options: { expand?: Array<'renderedBody'>; pageSize?: number } = {},
): AsyncIterable<TComment> {
  return paginateStartAt(async (startAt) => {
    const page = await http.json(
      {
        method: 'GET',
        path: '/rest/api/3/issue/{issueIdOrKey}/comment',
        pathParams: { issueIdOrKey },
        query: { startAt, maxResults: options.pageSize ?? 100, orderBy: 'created', expand: options.expand?.join(',') },
      },
      ZPageOfCommentsSchema,
    );
    return { values: page.comments, total: page.total };
  }, 'GET /rest/api/3/issue/{issueIdOrKey}/comment');
}
