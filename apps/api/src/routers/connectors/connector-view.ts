import type { TConnectorConfig } from '@jira-sync/contracts';
import type { ApiContext } from '../../context.js';
import { connectorNotFound } from '../../errors.js';

/** A connector as the api answers it: its configuration, never its credentials. */
export function connectorView(config: TConnectorConfig) {
  const { connectorId, name, siteUrl, authMethod, authStatus, oauthRedirectUrl, syncFilters, indexingFilters, attachmentMaxBytes, projectConcurrency } = config;
  return { connectorId, name, siteUrl, authMethod, authStatus, oauthRedirectUrl, syncFilters, indexingFilters, attachmentMaxBytes, projectConcurrency };
}

/** The caller's tenant's connector, or NOT_FOUND (also for another tenant's id). */
export async function requireConnector(ctx: ApiContext & { tenantId: string }, connectorId: string): Promise<TConnectorConfig> {
  const config = await ctx.connectors.get(ctx.tenantId, connectorId);
  if (!config) throw connectorNotFound(connectorId);
  return config;
}
