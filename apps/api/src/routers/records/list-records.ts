import { NOT_DELETED } from '@jira-sync/store';
import { z } from 'zod';
import { tenantProcedure } from '../../procedures.js';
import { requireConnector } from '../connectors/connector-view.js';
import { collectionOf, pageOf, ZPageSchema } from './record-query.js';

const ZListRecordsInputSchema = ZPageSchema.extend({
  projectKey: z.string().regex(/^[A-Z][A-Z0-9_]{0,254}$/, 'must be a Jira project key such as ENG').optional(),
  /** The issue type's name (issues only), e.g. Bug. */
  issueType: z.string().min(1).max(100).optional(),
  updatedAfter: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time with an offset, e.g. 2026-01-31T00:00:00Z' }).optional(),
  updatedBefore: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time with an offset, e.g. 2026-01-31T00:00:00Z' }).optional(),
});

/** A connector's stored records of one kind, filtered by project, issue type and updated range, cursor paginated. */
export const listRecords = tenantProcedure.input(ZListRecordsInputSchema).query(async ({ ctx, input }) => {
  await requireConnector(ctx, input.connectorId);
  const scope = { tenantId: ctx.tenantId, connectorId: input.connectorId };
  const filter: Record<string, unknown> = { ...scope };
  if (input.projectKey) {
    if (input.kind === 'issue' || input.kind === 'project') filter[input.kind === 'issue' ? 'projectKey' : 'key'] = input.projectKey;
    else {
      const project = await ctx.records.projects.raw.findOne({ ...scope, ...NOT_DELETED, key: input.projectKey }, { projection: { projectId: 1 } });
      filter['projectId'] = project ? String(project['projectId']) : { $in: [] };
    }
  }
  if (input.issueType) filter['issueType.name'] = input.issueType;
  if (input.updatedAfter || input.updatedBefore) {
    // Records store Jira's times in UTC ISO form, so the range compares as strings once the bounds are UTC too.
    filter['updated'] = {
      ...(input.updatedAfter ? { $gte: new Date(input.updatedAfter).toISOString() } : {}),
      ...(input.updatedBefore ? { $lt: new Date(input.updatedBefore).toISOString() } : {}),
    };
  }
  return pageOf(collectionOf(ctx, input.kind), filter, input.cursor, input.limit);
});
