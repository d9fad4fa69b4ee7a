import { createLogger } from '@jira-sync/logging';
import { connectStore, SmokeEventRepository } from '@jira-sync/store';
import { createCodecEndpoint, createTemporalClient, EncryptionCodec } from '@jira-sync/temporal';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { createServer } from 'node:http';
import type { ApiContext } from './context.js';
import { loadApiEnv } from './env.js';
import { appRouter } from './routers/_app.js';

const env = loadApiEnv();
const logger = createLogger({ name: 'api', level: env.LOG_LEVEL });
const temporal = await createTemporalClient({ address: env.TEMPORAL_ADDRESS, namespace: env.TEMPORAL_NAMESPACE, encryption: env.encryption });
const store = await connectStore({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, appName: 'jira-sync-api' });
const context: ApiContext = {
  temporal: temporal.client,
  db: store.db,
  smokeEvents: new SmokeEventRepository(store.db),
  logger,
  taskQueue: env.TEMPORAL_TASK_QUEUE,
  temporalUiUrl: env.TEMPORAL_UI_URL,
  namespace: env.TEMPORAL_NAMESPACE,
};
const trpc = createHTTPHandler({ router: appRouter, createContext: () => context });
// Lets the Temporal UI show sealed payloads (the stack starts the UI with --ui-codec-endpoint <api>/codec).
const uiOrigin = new URL(env.TEMPORAL_UI_URL).origin;
const codec = env.codecEndpoint
  ? createCodecEndpoint({ codec: new EncryptionCodec(env.encryption), allowedOrigins: [uiOrigin, uiOrigin.replace('127.0.0.1', 'localhost')] })
  : undefined;
const server = createServer((request, response) => {
  void (async () => {
    if (codec && (await codec(request, response))) return;
    trpc(request, response);
  })().catch((error: unknown) => {
    logger.error({ err: error }, 'request failed');
    if (!response.headersSent) response.writeHead(500).end();
  });
});
server.listen(env.API_PORT, env.API_HOST);
server.on('listening', () => logger.info({ url: `http://${env.API_HOST}:${env.API_PORT}`, codecEndpoint: env.codecEndpoint }, 'api listening'));

async function shutdown(signal: string): Promise<void> {
  logger.info({ signal }, 'api stopping');
  server.close();
  await Promise.all([temporal.close(), store.close()]);
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
