import { parseEnv, TASK_QUEUES } from '@jira-sync/contracts';
import { DEVELOPMENT_KEY_RING, parseKeyRing } from '@jira-sync/temporal';
import { z } from 'zod';

const ZWorkerEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error']).default('info'),
    TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default(TASK_QUEUES.sync),
    KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:9092'),
    JIRA_SYNC_ENCRYPTION_KEYS: z.string().optional(),
  })
  .transform((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JIRA_SYNC_ENCRYPTION_KEYS) {
      ctx.addIssue({ code: 'custom', path: ['JIRA_SYNC_ENCRYPTION_KEYS'], message: 'is required in production (keyId:base64 32-byte key)' });
      return z.NEVER;
    }
    return { ...env, kafkaBrokers: env.KAFKA_BROKERS.split(',').map((broker) => broker.trim()) };
  });

export type TWorkerEnv = z.infer<typeof ZWorkerEnvSchema>;

/** Reads the worker's configuration once; every value has a default that points at the local stack. */
export function loadWorkerEnv(source: NodeJS.ProcessEnv = process.env): TWorkerEnv & { encryption: ReturnType<typeof parseKeyRing> } {
  const env = parseEnv('worker', ZWorkerEnvSchema, source);
  return { ...env, encryption: parseKeyRing(env.JIRA_SYNC_ENCRYPTION_KEYS ?? DEVELOPMENT_KEY_RING) };
}
