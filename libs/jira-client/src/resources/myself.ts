import { z } from 'zod';
import type { JiraHttp } from '../http/jira-http.js';
import { ZJiraUserSchema } from './common.schema.js';

/**
 * The calling account. `timeZone` is the zone Jira reads this caller's JQL date literals in; it is optional in the
 * document (absent, the site's default zone applies), so a caller that needs it falls back to epoch-ms JQL.
 */
export const ZMyselfSchema = ZJiraUserSchema.extend({
  timeZone: z.string().nullish(),
  groups: z.looseObject({ size: z.number().optional(), items: z.array(z.looseObject({ name: z.string().optional(), groupId: z.string().nullish() })).optional() }).optional(),
});
export type TMyself = z.infer<typeof ZMyselfSchema>;

/** GET /rest/api/3/myself: who the credentials belong to (and proof they are not silently anonymous). */
export async function getMyself(http: JiraHttp, options: { expand?: Array<'groups' | 'applicationRoles'> } = {}): Promise<TMyself> {
  return http.json(
    { method: 'GET', path: '/rest/api/3/myself', query: { expand: options.expand?.join(',') } },
    ZMyselfSchema,
  );
}
