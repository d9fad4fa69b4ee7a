import type { AppRouter } from '@jira-sync/api/router';
import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';

export type ApiClient = TRPCClient<AppRouter>;

/** The typed tRPC client over HTTP, presenting an API key (or the admin key) as a bearer token. */
export function createApiClient(apiUrl: string, key: string | undefined): ApiClient {
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: apiUrl, headers: () => (key ? { authorization: `Bearer ${key}` } : {}) })] });
}
