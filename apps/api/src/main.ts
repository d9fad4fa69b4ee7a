import { createLogger } from '@jira-sync/logging';
import { connectStore, SmokeEventRepository } from '@jira-sync/store';
import { createTemporalClient } from '@jira-sync/temporal';
import { createHTTPServer } from '@trpc/server/adapters/standalone';
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
const server = createHTTPServer({ router: appRouter, createContext: () => context });
server.listen(env.API_PORT, env.API_HOST);
server.on('listening', () => logger.info({ url: `http://${env.API_HOST}:${env.API_PORT}` }, 'api listening'));

async function shutdown(signal: string): Promise<void> {
  logger.info({ signal }, 'api stopping');
  server.close();
  await Promise.all([temporal.close(), store.close()]);
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
