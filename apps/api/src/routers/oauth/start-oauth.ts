import { mapErrors } from '../../errors.js';
import { tenantProcedure } from '../../procedures.js';
import { ZConnectorRefSchema } from '../../schemas.js';
import { requireConnector } from '../connectors/connector-view.js';
import { requireOAuthConnector, startAuthorization } from './authorization-url.js';

/** The authorization URL to open in a browser; its state is single use, bound to this connector, valid 10 minutes. */
export const startOAuth = tenantProcedure.input(ZConnectorRefSchema).mutation(({ ctx, input }) =>
  mapErrors(async () => startAuthorization(ctx, requireOAuthConnector(await requireConnector(ctx, input.connectorId)))),
);
