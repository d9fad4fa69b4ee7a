import { tenantProcedure } from '../../procedures.js';
import { ZConnectorRefSchema } from '../../schemas.js';
import { connectorView, requireConnector } from './connector-view.js';

/** One connector of the caller's tenant, without its credentials. */
export const getConnector = tenantProcedure.input(ZConnectorRefSchema).query(async ({ ctx, input }) => connectorView(await requireConnector(ctx, input.connectorId)));
