import { parseEnv, TASK_QUEUES } from '@jira-sync/contracts';
import { DEVELOPMENT_KEY_RING, parseKeyRing } from '@jira-sync/temporal';
import { z } from 'zod';

const ZApiEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error']).default('info'),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(TASK_QUEUES.sync),
  TEMPORAL_UI_URL: z.url().default('http://127.0.0.1:8233'),
  MONGODB_URI: z.string().min(1).default('mongodb://127.0.0.1:27017'),
  MONGODB_DB: z.string().min(1).default('jira_sync'),
  JIRA_SYNC_ENCRYPTION_KEYS: z.string().optional(),
  // The codec endpoint decrypts payloads for the Temporal UI; on by default only outside production.
  CODEC_ENDPOINT: z.enum(['on', 'off']).optional(),
});

export type TApiEnv = z.infer<typeof ZApiEnvSchema> & { codecEndpoint: boolean; encryption: ReturnType<typeof parseKeyRing> };

/** Reads the api's configuration once; defaults point at the local stack. */
export function loadApiEnv(source: NodeJS.ProcessEnv = process.env): TApiEnv {
  const env = parseEnv('api', ZApiEnvSchema, source);
  if (env.NODE_ENV === 'production' && !env.JIRA_SYNC_ENCRYPTION_KEYS) {
    throw new Error('api configuration is invalid:\n  JIRA_SYNC_ENCRYPTION_KEYS: is required in production (keyId:base64 32-byte key)');
  }
  const codecEndpoint = (env.CODEC_ENDPOINT ?? (env.NODE_ENV === 'production' ? 'off' : 'on')) === 'on';
  return { ...env, codecEndpoint, encryption: parseKeyRing(env.JIRA_SYNC_ENCRYPTION_KEYS ?? DEVELOPMENT_KEY_RING) };
}
