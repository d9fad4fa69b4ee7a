import { DuplicateKeyError } from './store-errors.js';

/** A connector with this tenant and id already exists; pick another id or update the existing one. */
export class ConnectorExistsError extends DuplicateKeyError {
  constructor(tenantId: string, connectorId: string) {
    super('connectors', { tenantId, connectorId });
    this.name = 'ConnectorExistsError';
  }
}

/** No connector with this tenant and id; create it first. */
export class ConnectorNotFoundError extends Error {
  readonly retryable = false;
  constructor(
    readonly tenantId: string,
    readonly connectorId: string,
  ) {
    super(`connector '${connectorId}' of tenant '${tenantId}' does not exist; create it first`);
    this.name = 'ConnectorNotFoundError';
  }
}
