import { parseEnv, Secret, TASK_QUEUES } from '@jira-sync/contracts';
import { encryptionFor, type EncryptionKeys } from '@jira-sync/temporal';
import { z } from 'zod';

const ZApiEnvSchema = z
  .object({
    // Fail closed: development conveniences (the public key ring, unencrypted payloads, the codec endpoint on by
    // default) need NODE_ENV=development set explicitly; unset means production.
    NODE_ENV: z.enum(['development', 'test', 'production']).default('production'),
    LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error']).default('info'),
    API_HOST: z.string().min(1).default('127.0.0.1'),
    API_PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default(TASK_QUEUES.sync),
    TEMPORAL_UI_URL: z.url().default('http://127.0.0.1:8233'),
    MONGODB_URI: z.string().min(1).default('mongodb://127.0.0.1:27017'),
    MONGODB_DB: z.string().min(1).default('jira_sync'),
    JIRA_SYNC_ENCRYPTION_KEYS: z.string().optional().transform((text) => (text === undefined ? undefined : new Secret(text))),
    // The codec endpoint decrypts payloads for the Temporal UI; on by default only in development.
    CODEC_ENDPOINT: z.enum(['on', 'off']).optional(),
  })
  .transform((env, ctx) => {
    const development = env.NODE_ENV === 'development';
    let encryption: EncryptionKeys;
    try {
      encryption = encryptionFor({ development, keyRing: env.JIRA_SYNC_ENCRYPTION_KEYS });
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['JIRA_SYNC_ENCRYPTION_KEYS'], message: (error as Error).message });
      return z.NEVER;
    }
    const codecEndpoint = (env.CODEC_ENDPOINT ?? (development ? 'on' : 'off')) === 'on';
    return { ...env, codecEndpoint, encryption };
  });

export type TApiEnv = z.infer<typeof ZApiEnvSchema>;

/** Reads the api's configuration once; defaults point at the local stack, but development must be asked for. */
export function loadApiEnv(source: NodeJS.ProcessEnv = process.env): TApiEnv {
  return parseEnv('api', ZApiEnvSchema, source);
}
