import { z } from 'zod';

/** A Jira user as listings return it. Privacy settings may hide email, name and zone, so only accountId is required. */
export const ZJiraUserSchema = z.looseObject({
  accountId: z.string(),
  accountType: z.string().optional(),
  emailAddress: z.string().nullish(),
  displayName: z.string().nullish(),
  active: z.boolean().optional(),
  timeZone: z.string().nullish(),
});
export type TJiraUser = z.infer<typeof ZJiraUserSchema>;

/** PageBean envelope: `values` is required; paging metadata is read when present. */
export function pageBeanSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    values: z.array(item),
    startAt: z.number().optional(),
    maxResults: z.number().optional(),
    total: z.number().optional(),
    isLast: z.boolean().optional(),
  });
}

/** Ids Jira sends as numbers on some endpoints and strings on others; normalised to strings. */
export const ZIdSchema = z.union([z.string(), z.number()]).transform(String);

/** A grant holder (permission schemes, issue-security levels): type plus optional parameter/value. */
export const ZPermissionHolderSchema = z.looseObject({
  type: z.string(),
  parameter: z.string().nullish(),
  value: z.string().nullish(),
});
export type TPermissionHolder = z.infer<typeof ZPermissionHolderSchema>;
