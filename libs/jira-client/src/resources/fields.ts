import { z } from 'zod';
import type { JiraHttp } from '../http/jira-http.js';

/** One entry of GET /rest/api/3/field (Jira's FieldDetails); `schema` is absent on a few system fields. */
export const ZFieldSchema = z.looseObject({
  id: z.string(),
  key: z.string().optional(),
  name: z.string(),
  custom: z.boolean(),
  orderable: z.boolean().optional(),
  navigable: z.boolean().optional(),
  searchable: z.boolean().optional(),
  clauseNames: z.array(z.string()).optional(),
  schema: z
    .looseObject({
      type: z.string(),
      items: z.string().optional(),
      system: z.string().optional(),
      custom: z.string().optional(),
      customId: z.number().optional(),
    })
    .optional(),
});
export type TField = z.infer<typeof ZFieldSchema>;

/** GET /rest/api/3/field: every system and custom field the caller can see (ids, names, schema types); not paged. */
export async function listFields(http: JiraHttp): Promise<TField[]> {
  return http.json({ method: 'GET', path: '/rest/api/3/field' }, z.array(ZFieldSchema));
}
