import { pino, type Logger, type LoggerOptions } from 'pino';

/**
 * Paths whose values are replaced before a line is written. Credentials travel in connector configs,
 * HTTP headers and OAuth token sets; none of them may reach a log, whatever the caller passes.
 */
export const REDACTED_PATHS = [
  'apiToken', '*.apiToken', '*.*.apiToken',
  'accessToken', '*.accessToken', '*.*.accessToken', 'access_token', '*.access_token',
  'refreshToken', '*.refreshToken', '*.*.refreshToken', 'refresh_token', '*.refresh_token',
  'clientSecret', '*.clientSecret', '*.*.clientSecret', 'client_secret', '*.client_secret',
  'password', '*.password', 'authorization', '*.authorization', '*.headers.authorization', '*.*.headers.authorization',
  'encryptionKeys', '*.encryptionKeys',
];

export interface CreateLoggerOptions {
  name: string;
  level?: string;
  /** Where lines go; stdout by default. Tests pass a stream to read what was written. */
  destination?: NodeJS.WritableStream;
}

/** A pino logger with jira-sync's redaction rules. */
export function createLogger(options: CreateLoggerOptions): Logger {
  const config: LoggerOptions = {
    name: options.name,
    level: options.level ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: options.name },
  };
  return options.destination ? pino(config, options.destination as pino.DestinationStream) : pino(config);
}

export type { Logger };
