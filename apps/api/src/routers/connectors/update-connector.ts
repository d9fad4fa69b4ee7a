import { mapErrors } from '../../errors.js';
import { tenantProcedure } from '../../procedures.js';
import { ZIdSchema } from '../../schemas.js';
import { connectorView, requireConnector } from './connector-view.js';
import { ZConnectorSettingsSchema } from './create-connector.js';

const ZUpdateConnectorInputSchema = ZConnectorSettingsSchema.extend({ connectorId: ZIdSchema });

/** Changes a connector's name, filters or limits; the site and credentials stay. */
export const updateConnector = tenantProcedure.input(ZUpdateConnectorInputSchema).mutation(({ ctx, input }) =>
  mapErrors(async () => {
    await requireConnector(ctx, input.connectorId);
    const { connectorId, ...patch } = input;
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    return connectorView(await ctx.connectors.updateConfig(ctx.tenantId, connectorId, defined));
  }),
);
