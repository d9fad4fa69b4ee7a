import type { EncryptionKeys } from './encryption-codec.js';

/**
 * Parses a key ring written as `id1:base64key1,id2:base64key2`; the first entry is the current key.
 * The message names the entry at fault but never echoes key material.
 */
export function parseKeyRing(text: string): EncryptionKeys {
  const keys = new Map<string, Uint8Array>();
  const entries = text.split(',').map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) throw new Error('the encryption key ring is empty; expected "keyId:base64Key[,keyId:base64Key...]"');
  entries.forEach((entry, index) => {
    const separator = entry.indexOf(':');
    const id = separator > 0 ? entry.slice(0, separator) : '';
    const key = Buffer.from(entry.slice(separator + 1), 'base64');
    if (!id || key.length !== 32) {
      throw new Error(`entry ${index + 1} of the encryption key ring must be "keyId:<32 bytes in base64>" (openssl rand -base64 32)`);
    }
    if (keys.has(id)) throw new Error(`the encryption key ring names key id '${id}' twice`);
    keys.set(id, key);
  });
  return { currentKeyId: entries[0]!.slice(0, entries[0]!.indexOf(':')), keys };
}

/**
 * A fixed key ring for local development and tests only. Apps use it only when NODE_ENV=development is set
 * explicitly (see encryptionFor), so a deployment that forgets JIRA_SYNC_ENCRYPTION_KEYS or NODE_ENV fails at
 * start instead of sealing payloads with a public key.
 */
export const DEVELOPMENT_KEY_RING = 'dev-only:ZGV2ZWxvcG1lbnQtb25seS1rZXktZG8tbm90LXVzZSE=';

export interface EncryptionSettings {
  /** True only when NODE_ENV=development was asked for explicitly. */
  development: boolean;
  /** The configured key ring (JIRA_SYNC_ENCRYPTION_KEYS), if any. */
  keyRing: { reveal(): string } | undefined;
}

/**
 * The keys an app seals payloads with. Fails closed: outside development a key ring of the operator's own is
 * required, the public development ring is refused, and unencrypted payloads are refused on decode. Messages name
 * what is wrong, never key material.
 */
export function encryptionFor(settings: EncryptionSettings): EncryptionKeys {
  const text = settings.keyRing?.reveal();
  if (!settings.development) {
    if (!text) throw new Error('is required unless NODE_ENV=development (keyId:base64 32-byte key, e.g. from openssl rand -base64 32)');
    if (text.includes(DEVELOPMENT_KEY_RING.slice(DEVELOPMENT_KEY_RING.indexOf(':') + 1))) {
      throw new Error('holds the public development key, which only NODE_ENV=development accepts; configure a key of your own');
    }
  }
  return { ...parseKeyRing(text ?? DEVELOPMENT_KEY_RING), acceptUnencrypted: settings.development };
}
