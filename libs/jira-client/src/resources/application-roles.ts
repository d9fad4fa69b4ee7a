import { z } from 'zod';
import type { JiraHttp } from '../http/jira-http.js';

export const ZApplicationRoleSchema = z.looseObject({
  key: z.string(),
  name: z.string().optional(),
  groups: z.array(z.string()).optional(),
  groupDetails: z.array(z.looseObject({ name: z.string().optional(), groupId: z.string().nullish() })).optional(),
  defaultGroups: z.array(z.string()).optional(),
});
export type TApplicationRole = z.infer<typeof ZApplicationRoleSchema>;

/** GET /rest/api/3/applicationrole: products (jira-software, ...) and the groups granting access to each. */
export async function listApplicationRoles(http: JiraHttp): Promise<TApplicationRole[]> {
  return http.json({ method: 'GET', path: '/rest/api/3/applicationrole', requires: 'Administer Jira' }, z.array(ZApplicationRoleSchema));
}
