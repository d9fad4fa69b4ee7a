export { createLogger, type CreateLoggerOptions, type Logger } from './create-logger.js';
export { maskUrlCredentials, REDACTED, redactSecrets, SECRET_FIELD_NAMES } from './redact-secrets.js';
