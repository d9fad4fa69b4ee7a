import type { TConnectorConfig } from '@jira-sync/contracts';
import type { JiraClient } from '@jira-sync/jira-client';
import type { TAttachmentContent } from '@jira-sync/contracts';

/** What every sync activity receives: ids only; configuration and credentials are loaded by the activity. */
export interface TSyncStepInput {
  tenantId: string;
  connectorId: string;
  /** The run's start (epoch ms): the second part of every record revision. */
  generation: number;
  syncRunId: string;
}

/** A connector's Jira client with its configuration, opened from the sealed credentials in the store. */
export interface TOpenedConnector {
  config: TConnectorConfig;
  client: JiraClient;
}

/** Where attachment bytes go (GridFS in production), streamed and capped. */
export interface TAttachmentSink {
  put(scope: { tenantId: string; connectorId: string }, attachmentId: string, source: AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<TAttachmentContent>;
}

/** Thrown by `openConnector` when the connector does not exist (non-retryable). */
export class ConnectorNotFoundError extends Error {
  constructor(tenantId: string, connectorId: string) {
    super(`connector '${connectorId}' of tenant '${tenantId}' does not exist; create it first (or check the ids)`);
    this.name = 'ConnectorNotFoundError';
  }
}
