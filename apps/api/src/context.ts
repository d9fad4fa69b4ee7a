import type { Secret } from '@jira-sync/contracts';
import type { Logger } from '@jira-sync/logging';
import type { ApiKeyRepository, ConnectorRepository, RecordStore, TenantRepository } from '@jira-sync/store';
import type { Client } from '@temporalio/client';
import type { Db } from 'mongodb';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { OAuthStateStore } from './oauth/oauth-states.js';

/** Where the OAuth 2.0 (3LO) endpoints are: Atlassian's unless configured (the simulator's in tests). */
export interface OAuthEndpoints {
  authBaseUrl?: string;
  apiGatewayUrl?: string;
}

/** What every procedure can use; built once at start-up and shared by all requests. */
export interface ApiDeps {
  temporal: Client;
  db: Db;
  connectors: ConnectorRepository;
  records: RecordStore;
  tenants: TenantRepository;
  apiKeys: ApiKeyRepository;
  /** Requests per API key (and for the admin key); one tenant cannot starve the others. */
  rateLimiter: RateLimiterAbstract;
  adminKey: Secret<string> | undefined;
  logger: Logger;
  taskQueue: string;
  temporalUiUrl: string;
  namespace: string;
  allowInsecureLoopback: boolean;
  oauth: OAuthEndpoints;
  /** Pending OAuth authorizations: single-use states bound to a tenant and connector. */
  oauthStates: OAuthStateStore;
}

/** One request's context: the shared dependencies, the caller's credential and a request id for the logs. */
export interface ApiContext extends ApiDeps {
  requestId: string;
  /** The `Authorization` header as sent (`Bearer <key>`), or undefined. */
  authorization: string | undefined;
}
