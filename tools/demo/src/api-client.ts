import type { AppRouter } from '@jira-sync/api/router';
import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';

/** A typed tRPC client for the api, as operators and the demo use it. */
export function createApiClient(apiUrl: string): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: apiUrl })] });
}
