import { z } from 'zod';
import type { JiraHttp } from '../http/jira-http.js';
import { paginateOffset } from '../paginate.js';

export const ZAuditRecordSchema = z.looseObject({
  id: z.number(),
  summary: z.string(),
  created: z.string(),
  category: z.string().optional(),
  objectItem: z.looseObject({ id: z.string().optional(), name: z.string().optional(), typeName: z.string().optional() }).optional(),
});
export type TAuditRecord = z.infer<typeof ZAuditRecordSchema>;

export interface ListAuditRecordsOptions {
  from?: Date;
  to?: Date;
  /** Words matched against summary, category, object names... */
  filter?: string;
  /** Up to 1000. Default 1000. */
  pageSize?: number;
}

/** GET /rest/api/3/auditing/record (admin only): newest first; paged by offset/limit until an empty page. */
export function listAuditRecords(http: JiraHttp, options: ListAuditRecordsOptions = {}): AsyncIterable<TAuditRecord> {
  const limit = options.pageSize ?? 1000;
  return paginateOffset(async (offset) => {
    const page = await http.json(
      {
        method: 'GET',
        path: '/rest/api/3/auditing/record',
        requires: 'Administer Jira',
        query: { offset, limit, filter: options.filter, from: options.from?.toISOString(), to: options.to?.toISOString() },
      },
      z.looseObject({ records: z.array(ZAuditRecordSchema).default([]) }),
    );
    return page.records;
  }, 'GET /rest/api/3/auditing/record');
}
