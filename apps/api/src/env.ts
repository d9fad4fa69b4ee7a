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
    // The codec endpoint decrypts payloads for the Temporal UI; on by default only in development. It has a
    // listener of its own (tools/stack starts the UI with --ui-codec-endpoint http://127.0.0.1:3001/codec).
    CODEC_ENDPOINT: z.enum(['on', 'off']).optional(),
    CODEC_HOST: z.string().min(1).default('127.0.0.1'),
    CODEC_PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
    /** Sealing payloads (encode) is off unless turned on. */
    CODEC_ENCODE: z.enum(['on', 'off']).default('off'),
    /** A bearer token for the codec endpoint (besides the admin key). */
    CODEC_OPERATOR_TOKEN: z
      .string()
      .min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)')
      .optional()
      .transform((text) => (text === undefined ? undefined : new Secret(text))),
    /** Whether the codec endpoint needs a token; off only in development (the local Temporal UI cannot send one). */
    CODEC_REQUIRE_TOKEN: z.enum(['on', 'off']).optional(),
    /** The administrator's key: creates tenants and their first API key. Without it no tenant can be created. */
    API_ADMIN_KEY: z
      .string()
      .min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)')
      .optional()
      .transform((text) => (text === undefined ? undefined : new Secret(text))),
    /** Largest request body the api reads; larger ones answer 413. */
    API_MAX_BODY_BYTES: z.coerce.number().int().min(1_024).max(16 * 1024 * 1024).default(1024 * 1024),
    /** Requests one API key may make per minute before it is answered TOO_MANY_REQUESTS. */
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    /** Atlassian's OAuth authorization server and API gateway; the simulator's in tests and the demo. */
    JIRA_OAUTH_AUTH_URL: z.url().optional(),
    JIRA_OAUTH_GATEWAY_URL: z.url().optional(),
    /** Accept http://127.0.0.1 site URLs (the simulator); refused outside development. */
    JIRA_ALLOW_INSECURE_LOOPBACK: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  })
  .transform((env, ctx) => {
    const development = env.NODE_ENV === 'development';
    if (env.JIRA_ALLOW_INSECURE_LOOPBACK && env.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: ['JIRA_ALLOW_INSECURE_LOOPBACK'], message: 'is for the simulator only; unset it in production' });
      return z.NEVER;
    }
    let encryption: EncryptionKeys;
    try {
      encryption = encryptionFor({ development, keyRing: env.JIRA_SYNC_ENCRYPTION_KEYS });
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['JIRA_SYNC_ENCRYPTION_KEYS'], message: (error as Error).message });
      return z.NEVER;
    }
    const codecEndpoint = (env.CODEC_ENDPOINT ?? (development ? 'on' : 'off')) === 'on';
    const codecRequireToken = (env.CODEC_REQUIRE_TOKEN ?? (development ? 'off' : 'on')) === 'on';
    if (!codecRequireToken && !development) {
      ctx.addIssue({ code: 'custom', path: ['CODEC_REQUIRE_TOKEN'], message: 'may be off only with NODE_ENV=development; set CODEC_OPERATOR_TOKEN instead' });
      return z.NEVER;
    }
    return { ...env, codecEndpoint, codecRequireToken, codecEncode: env.CODEC_ENCODE === 'on', encryption };
  });

export type TApiEnv = z.infer<typeof ZApiEnvSchema>;

/** Reads the api's configuration once; defaults point at the local stack, but development must be asked for. */
export function loadApiEnv(source: NodeJS.ProcessEnv = process.env): TApiEnv {
  return parseEnv('api', ZApiEnvSchema, source);
}
