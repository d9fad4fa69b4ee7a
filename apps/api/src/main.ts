import { createLogger } from '@jira-sync/logging';
import { connectStore } from '@jira-sync/store';
import { createTemporalClient, EncryptionCodec } from '@jira-sync/temporal';
import { createCodecServer } from './codec-server.js';
import { buildApiDeps } from './deps.js';
import { loadApiEnv } from './env.js';
import { createApiServer } from './http-server.js';

const env = loadApiEnv();
const logger = createLogger({ name: 'api', level: env.LOG_LEVEL });
const temporal = await createTemporalClient({ address: env.TEMPORAL_ADDRESS, namespace: env.TEMPORAL_NAMESPACE, encryption: env.encryption });
const store = await connectStore({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, appName: 'jira-sync-api' });
const deps = await buildApiDeps({
  store,
  temporal: temporal.client,
  encryption: env.encryption,
  logger,
  adminKey: env.API_ADMIN_KEY,
  taskQueue: env.TEMPORAL_TASK_QUEUE,
  temporalUiUrl: env.TEMPORAL_UI_URL,
  namespace: env.TEMPORAL_NAMESPACE,
  allowInsecureLoopback: env.JIRA_ALLOW_INSECURE_LOOPBACK,
  rateLimitPerMinute: env.API_RATE_LIMIT_PER_MINUTE,
  oauth: { authBaseUrl: env.JIRA_OAUTH_AUTH_URL, apiGatewayUrl: env.JIRA_OAUTH_GATEWAY_URL },
});
const server = createApiServer(deps, { maxBodyBytes: env.API_MAX_BODY_BYTES });
server.listen(env.API_PORT, env.API_HOST);
server.on('listening', () => logger.info({ url: `http://${env.API_HOST}:${env.API_PORT}` }, 'api listening'));
// Lets the Temporal UI show sealed payloads, on a listener of its own (the stack starts the UI with
// --ui-codec-endpoint http://127.0.0.1:3001/codec).
const codec = env.codecEndpoint
  ? createCodecServer({
      codec: new EncryptionCodec(env.encryption),
      allowedOrigin: new URL(env.TEMPORAL_UI_URL).origin,
      tokens: [env.CODEC_OPERATOR_TOKEN, env.API_ADMIN_KEY].filter((token) => token !== undefined),
      requireToken: env.codecRequireToken,
      allowEncode: env.codecEncode,
      logger,
    })
  : undefined;
codec?.listen(env.CODEC_PORT, env.CODEC_HOST);
codec?.on('listening', () =>
  logger.info({ url: `http://${env.CODEC_HOST}:${env.CODEC_PORT}/codec`, requireToken: env.codecRequireToken, encode: env.codecEncode }, 'codec endpoint listening'),
);

async function shutdown(signal: string): Promise<void> {
  logger.info({ signal }, 'api stopping');
  server.close();
  codec?.close();
  await Promise.all([temporal.close(), store.close()]);
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
