export const REDACTED = '[redacted]';
const MAX_DEPTH = 32;

/**
 * Field names whose values never reach a log, compared case-insensitively and without separators, at any depth:
 * `Authorization`, `authorization` and `AUTHORIZATION` are one name, as are `refresh_token` and `refreshToken`.
 * Prefer wrapping a secret in `Secret` from @jira-sync/contracts (redacted by type); this list is the safety net.
 */
export const SECRET_FIELD_NAMES: ReadonlySet<string> = new Set([
  'apitoken', 'accesstoken', 'refreshtoken', 'idtoken', 'clientsecret', 'password', 'passwd', 'secret', 'privatekey',
  'authorization', 'proxyauthorization', 'cookie', 'setcookie', 'apikey', 'xapikey',
  'encryptionkeys', 'jirasyncencryptionkeys',
]);

function isSecretField(name: string): boolean {
  return SECRET_FIELD_NAMES.has(name.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

// scheme://user:password@host (up to the authority's last '@'), as in connection strings and URLs.
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*(?:@[^\s/?#@]*)*@/gi;

/** Masks the `user:password@` part of every URL or connection string in a text. */
export function maskUrlCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, `$1${REDACTED}@`);
}

/**
 * A copy of a log object with secret fields replaced and URL credentials masked, at any depth. A value with its
 * own toJSON (a Secret, a URL, a Date) is replaced by what it would serialise to; errors are left to the err serializer.
 */
export function redactSecrets(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return maskUrlCredentials(value);
  if (value === null || typeof value !== 'object' || value instanceof Error) return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return redactSecrets((value as { toJSON(): unknown }).toJSON(), depth, seen);
  }
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1, seen));
  if (value instanceof Map || value instanceof Set || ArrayBuffer.isView(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = isSecretField(key) ? REDACTED : redactSecrets(item, depth + 1, seen);
  }
  return copy;
}
