import type { AppRouter } from '@jira-sync/api/router';
import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';

export type ApiClient = TRPCClient<AppRouter>;

/** A typed tRPC client for the api, as operators and the demo use it, presenting an API key (or the admin key). */
export function createApiClient(apiUrl: string, key?: string): ApiClient {
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: apiUrl, headers: () => (key ? { authorization: `Bearer ${key}` } : {}) })] });
}
