import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { Secret } from '@jira-sync/contracts';
import { createLogger } from '@jira-sync/logging';
import { connectStore, type StoreConnection } from '@jira-sync/store';
import { createTemporalClient } from '@jira-sync/temporal';
import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';
import type { ApiContext, ApiDeps, OAuthEndpoints } from '../context.js';
import { buildApiDeps } from '../deps.js';
import { loadApiEnv } from '../env.js';
import { createApiServer } from '../http-server.js';
import { appRouter, type AppRouter } from '../routers/_app.js';
import { createCallerFactory } from '../trpc.js';

export interface ApiHarness {
  deps: ApiDeps;
  store: StoreConnection;
  adminKey: string;
  taskQueue: string;
  dbName: string;
  apiUrl: string;
  /** A createCaller caller presenting this bearer token (or none). */
  caller(key?: string): ReturnType<typeof appRouter.createCaller>;
  /** The typed client over the HTTP adapter, presenting this bearer token. */
  client(key?: string): TRPCClient<AppRouter>;
  /** Every line the api logged. */
  logs(): string;
  stop(): Promise<void>;
}

/** The api on a real context: its own database and task queue, a captured log, and a listener on a free port. */
export async function startApiHarness(options: { rateLimitPerMinute?: number; maxBodyBytes?: number; oauth?: OAuthEndpoints } = {}): Promise<ApiHarness> {
  const env = loadApiEnv({ NODE_ENV: 'development' });
  const suffix = randomUUID().slice(0, 8);
  const dbName = `test_api_${suffix}`;
  const taskQueue = `test-api-${suffix}`;
  const adminKey = randomBytes(32).toString('base64url');
  let logs = '';
  const logger = createLogger({
    name: 'api-test',
    level: 'info',
    destination: new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        logs += chunk.toString('utf8');
        done();
      },
    }),
  });
  const temporal = await createTemporalClient({ address: env.TEMPORAL_ADDRESS, namespace: 'default', encryption: env.encryption });
  const store = await connectStore({ uri: env.MONGODB_URI, dbName });
  const deps = await buildApiDeps({
    store,
    temporal: temporal.client,
    encryption: env.encryption,
    logger,
    adminKey: new Secret(adminKey),
    taskQueue,
    temporalUiUrl: env.TEMPORAL_UI_URL,
    namespace: 'default',
    allowInsecureLoopback: true,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000,
    oauth: options.oauth,
  });
  const server = createApiServer(deps, { maxBodyBytes: options.maxBodyBytes ?? env.API_MAX_BODY_BYTES });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const createCaller = createCallerFactory(appRouter);
  return {
    deps,
    store,
    adminKey,
    taskQueue,
    dbName,
    apiUrl,
    caller: (key) => createCaller({ ...deps, requestId: randomUUID(), authorization: key === undefined ? undefined : `Bearer ${key}` } satisfies ApiContext),
    client: (key) => createTRPCClient<AppRouter>({ links: [httpLink({ url: apiUrl, headers: () => (key === undefined ? {} : { authorization: `Bearer ${key}` }) })] }),
    logs: () => logs,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.db.dropDatabase();
      await Promise.all([store.close(), temporal.close()]);
    },
  };
}
