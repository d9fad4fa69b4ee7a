import { parseEnv, Secret, TASK_QUEUES, TOPICS } from '@jira-sync/contracts';
import { encryptionFor, type EncryptionKeys } from '@jira-sync/temporal';
import { z } from 'zod';

const ZWorkerEnvSchema = z
  .object({
    // Fail closed: the public development key ring and unencrypted payloads need NODE_ENV=development set
    // explicitly; unset means production.
    NODE_ENV: z.enum(['development', 'test', 'production']).default('production'),
    LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error']).default('info'),
    TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default(TASK_QUEUES.sync),
    /** The prebuilt workflow bundle (npm run bundle-workflows); absent file: the workflows are bundled at start. */
    WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
    /** The record events topic (a benchmark or test run passes its own, so no other index app reads it). */
    KAFKA_RECORDS_TOPIC: z.string().min(1).default(TOPICS.records),
    KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:9092'),
    MONGODB_URI: z.string().min(1).default('mongodb://127.0.0.1:27017').transform((uri) => new Secret(uri)),
    MONGODB_DB: z.string().min(1).default('jira_sync'),
    /** OAuth endpoints: Atlassian's unless pointed at the simulator (demo, tests). */
    JIRA_OAUTH_AUTH_URL: z.url().optional(),
    JIRA_OAUTH_GATEWAY_URL: z.url().optional(),
    /** Accept http://127.0.0.1 site URLs (the simulator); refused outside development. */
    JIRA_ALLOW_INSECURE_LOOPBACK: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
    JIRA_SYNC_ENCRYPTION_KEYS: z.string().optional().transform((text) => (text === undefined ? undefined : new Secret(text))),
    /** /metrics, /livez and /readyz (0 picks a free port). */
    METRICS_HOST: z.string().min(1).default('127.0.0.1'),
    METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
    /** Where the Temporal SDK's own Prometheus exporter listens (appended to /metrics); `off` turns it off. */
    TEMPORAL_METRICS_ADDRESS: z
      .string()
      .min(1)
      .default('127.0.0.1:9466')
      .transform((address) => (address === 'off' ? undefined : address)),
  })
  .transform((env, ctx) => {
    if (env.JIRA_ALLOW_INSECURE_LOOPBACK && env.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: ['JIRA_ALLOW_INSECURE_LOOPBACK'], message: 'is for the simulator only; unset it in production' });
      return z.NEVER;
    }
    let encryption: EncryptionKeys;
    try {
      encryption = encryptionFor({ development: env.NODE_ENV === 'development', keyRing: env.JIRA_SYNC_ENCRYPTION_KEYS });
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['JIRA_SYNC_ENCRYPTION_KEYS'], message: (error as Error).message });
      return z.NEVER;
    }
    return { ...env, encryption, kafkaBrokers: env.KAFKA_BROKERS.split(',').map((broker) => broker.trim()) };
  });

export type TWorkerEnv = z.infer<typeof ZWorkerEnvSchema>;

/** Reads the worker's configuration once; defaults point at the local stack, but development must be asked for. */
export function loadWorkerEnv(source: NodeJS.ProcessEnv = process.env): TWorkerEnv {
  return parseEnv('worker', ZWorkerEnvSchema, source);
}
