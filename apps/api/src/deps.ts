import type { Secret } from '@jira-sync/contracts';
import type { Logger } from '@jira-sync/logging';
import { ApiKeyRepository, ConnectorRepository, CredentialSealer, RecordStore, TenantRepository, type StoreConnection } from '@jira-sync/store';
import type { EncryptionKeys } from '@jira-sync/temporal';
import type { Client } from '@temporalio/client';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { ApiDeps, OAuthEndpoints } from './context.js';
import { OAuthStateStore } from './oauth/oauth-states.js';

export interface BuildDepsOptions {
  store: StoreConnection;
  temporal: Client;
  encryption: EncryptionKeys;
  logger: Logger;
  adminKey: Secret<string> | undefined;
  taskQueue: string;
  temporalUiUrl: string;
  namespace: string;
  allowInsecureLoopback: boolean;
  rateLimitPerMinute: number;
  oauth?: OAuthEndpoints;
}

/** Builds the api's shared dependencies and makes sure the collections it writes have their indexes. */
export async function buildApiDeps(options: BuildDepsOptions): Promise<ApiDeps> {
  const { store } = options;
  const connectors = new ConnectorRepository(store.db, new CredentialSealer({ currentKeyId: options.encryption.currentKeyId, keys: new Map(options.encryption.keys) }));
  const records = new RecordStore(store.db, store.capabilities);
  const tenants = new TenantRepository(store.db);
  const apiKeys = new ApiKeyRepository(store.db);
  const oauthStates = new OAuthStateStore(store.db);
  await Promise.all([connectors.ensureIndexes(), tenants.ensureIndexes(), apiKeys.ensureIndexes(), records.ensureIndexes(), oauthStates.ensureIndexes()]);
  return {
    temporal: options.temporal,
    db: store.db,
    connectors,
    records,
    tenants,
    apiKeys,
    rateLimiter: new RateLimiterMemory({ points: options.rateLimitPerMinute, duration: 60 }),
    adminKey: options.adminKey,
    logger: options.logger,
    taskQueue: options.taskQueue,
    temporalUiUrl: options.temporalUiUrl,
    namespace: options.namespace,
    allowInsecureLoopback: options.allowInsecureLoopback,
    oauth: options.oauth ?? {},
    oauthStates,
  };
}
