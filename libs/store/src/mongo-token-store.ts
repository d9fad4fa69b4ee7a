import type { TConnectorCredentials } from '@jira-sync/contracts';
import type { ConnectorRepository } from './connector.repository.js';

/**
 * The token pair of @jira-sync/jira-client's `TokenSet`, restated because a type:io lib may not depend on another
 * type:io lib: MongoTokenStore satisfies jira-client's `TokenStore` structurally.
 */
export interface OAuthTokenSet {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the access token stops working. */
  expiresAt: number;
  scopes: string[];
}

export interface MongoTokenStoreOptions {
  /**
   * Builds the error a lost compare-and-set throws. Pass `(id) => new TokenStoreConflictError(id)` from
   * @jira-sync/jira-client so its token manager recognises the conflict and reloads.
   */
  conflictError: (credentialId: string) => Error;
}

type OAuthCredentials = Extract<TConnectorCredentials, { method: 'oauth' }>;

/** The stored connector has no OAuth credentials to refresh (it uses an API token, or does not exist). */
export class NoOAuthCredentialsError extends Error {
  readonly retryable = false;
  constructor(credentialId: string) {
    super(`credential '${credentialId}' has no OAuth token set; configure the connector with OAuth credentials`);
    this.name = 'NoOAuthCredentialsError';
  }
}

function splitCredentialId(credentialId: string): { tenantId: string; connectorId: string } {
  const [tenantId, connectorId, ...rest] = credentialId.split('/');
  if (!tenantId || !connectorId || rest.length > 0) throw new RangeError(`credential id must be '<tenantId>/<connectorId>', got '${credentialId}'`);
  return { tenantId, connectorId };
}

function tokenSetOf(credentials: OAuthCredentials): OAuthTokenSet {
  return {
    accessToken: credentials.accessToken,
    refreshToken: credentials.refreshToken,
    expiresAt: credentials.expiresAt,
    scopes: credentials.scope ? credentials.scope.split(' ').filter(Boolean) : [],
  };
}

const UNCONDITIONAL_SAVE_ATTEMPTS = 5;

/**
 * OAuth token pairs kept inside a connector's sealed credentials (credential id `<tenantId>/<connectorId>`).
 * A save is one updateOne whose filter names the `credentialsVersion` it read, so two refreshers racing from the
 * same pair cannot both win, on MongoDB and FerretDB alike.
 */
export class MongoTokenStore {
  constructor(
    private readonly connectors: ConnectorRepository,
    private readonly options: MongoTokenStoreOptions,
  ) {}

  async load(credentialId: string): Promise<OAuthTokenSet | undefined> {
    const { tenantId, connectorId } = splitCredentialId(credentialId);
    const current = await this.connectors.getSealedCredentials(tenantId, connectorId);
    return current?.credentials.method === 'oauth' ? tokenSetOf(current.credentials) : undefined;
  }

  async save(credentialId: string, tokenSet: OAuthTokenSet, expectedPrevious?: OAuthTokenSet): Promise<void> {
    const { tenantId, connectorId } = splitCredentialId(credentialId);
    for (let attempt = 0; attempt < UNCONDITIONAL_SAVE_ATTEMPTS; attempt++) {
      const current = await this.connectors.getSealedCredentials(tenantId, connectorId);
      if (current?.credentials.method !== 'oauth') throw new NoOAuthCredentialsError(credentialId);
      if (expectedPrevious && current.credentials.refreshToken !== expectedPrevious.refreshToken) throw this.options.conflictError(credentialId);
      const next: OAuthCredentials = {
        ...current.credentials,
        accessToken: tokenSet.accessToken,
        refreshToken: tokenSet.refreshToken,
        expiresAt: tokenSet.expiresAt,
        scope: tokenSet.scopes.join(' '),
      };
      if (await this.connectors.replaceCredentialsIf(tenantId, connectorId, next, current.version)) return;
      if (expectedPrevious) throw this.options.conflictError(credentialId);
      // An unconditional save lost a race with another writer: read again so its other fields are kept.
    }
    throw this.options.conflictError(credentialId);
  }
}
