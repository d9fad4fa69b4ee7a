import { pino, type Bindings, type ChildLoggerOptions, type Logger, type LoggerOptions } from 'pino';
import { maskUrlCredentials, redactSecrets } from './redact-secrets.js';

export interface CreateLoggerOptions {
  name: string;
  level?: string;
  /** Where lines go; stdout by default. Tests pass a stream to read what was written. */
  destination?: NodeJS.WritableStream;
}

/**
 * A pino logger with jira-sync's redaction: every line's fields, child bindings, message and error pass through
 * redactSecrets, so secret fields (any case, any depth), Secret values and `user:password@` in connection
 * strings never reach a log, whatever the caller passes.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const config: LoggerOptions = {
    name: options.name,
    level: options.level ?? 'info',
    base: { service: options.name },
    formatters: {
      log: (object) => redactSecrets(object) as Record<string, unknown>,
    },
    serializers: {
      err: (error: unknown) => redactSecrets(pino.stdSerializers.err(error as Error)),
      msg: (message: unknown) => (typeof message === 'string' ? maskUrlCredentials(message) : message),
    },
  };
  const logger = options.destination ? pino(config, options.destination as pino.DestinationStream) : pino(config);
  return redactChildBindings(logger, logger.child as unknown as ChildFn);
}

// pino writes a child's bindings without the log formatter, so each logger's child() redacts them first.
type ChildFn = (this: Logger, bindings: Bindings, options?: ChildLoggerOptions) => Logger;

function redactChildBindings(logger: Logger, pinoChild: ChildFn): Logger {
  const child: ChildFn = (bindings, childOptions) =>
    redactChildBindings(pinoChild.call(logger, redactSecrets(bindings) as Bindings, childOptions), pinoChild);
  (logger as unknown as { child: ChildFn }).child = child;
  return logger;
}

export type { Logger };
