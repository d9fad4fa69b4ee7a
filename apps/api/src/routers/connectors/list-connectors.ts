import { tenantProcedure } from '../../procedures.js';
import { connectorView } from './connector-view.js';

/** The caller's tenant's connectors, by id. */
export const listConnectors = tenantProcedure.query(async ({ ctx }) => (await ctx.connectors.list(ctx.tenantId)).map(connectorView));
