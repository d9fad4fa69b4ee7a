import { z } from 'zod';
import { tenantProcedure } from '../../procedures.js';
import { ZIdSchema } from '../../schemas.js';
import { requireConnector } from '../connectors/connector-view.js';
import { openJira } from './open-jira.js';

const ZProjectOptionsInputSchema = z.object({
  connectorId: ZIdSchema,
  /** Matches the project's key or name (Jira's own search, case-insensitive). */
  query: z.string().max(200).optional(),
  /** `nextCursor` of the previous page. */
  cursor: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

const ZProjectPageSchema = z.looseObject({
  startAt: z.number().optional(),
  isLast: z.boolean().optional(),
  total: z.number().optional(),
  values: z.array(z.looseObject({ id: z.string(), key: z.string(), name: z.string() })),
});

/** A page of the site's projects for the filter form, labelled "Engineering (ENG)", searchable by key or name. */
export const listProjectOptions = tenantProcedure.input(ZProjectOptionsInputSchema).query(async ({ ctx, input }) => {
  const config = await requireConnector(ctx, input.connectorId);
  const { client } = await openJira(ctx, config);
  const startAt = input.cursor ?? 0;
  const page = await client.http.json(
    { method: 'GET', path: '/rest/api/3/project/search', query: { startAt, maxResults: input.limit, orderBy: 'name', query: input.query || undefined } },
    ZProjectPageSchema,
  );
  const items = page.values.map(({ id, key, name }) => ({ id, key, name, label: `${name} (${key})` }));
  const last = page.isLast ?? (page.total !== undefined ? startAt + items.length >= page.total : items.length < input.limit);
  return { items, total: page.total, nextCursor: last || items.length === 0 ? undefined : startAt + items.length };
});
