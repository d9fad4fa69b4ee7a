import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec, ValueError } from '@temporalio/common';
import proto from '@temporalio/proto';

// @temporalio/proto is CommonJS without static named exports, so native ESM must take its default export.
const { temporal } = proto;
const ENCODING = 'binary/encrypted';
const KEY_ID_METADATA = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface EncryptionKeys {
  /** Id of the key new payloads are sealed with. */
  currentKeyId: string;
  /** Every key that may still be needed to open older payloads, by id; each exactly 32 bytes (AES-256). */
  keys: ReadonlyMap<string, Uint8Array>;
  /**
   * Whether decode passes payloads that were never encrypted through unchanged. Only for local development
   * (history written before the codec existed); everywhere else an unsealed payload is refused, so nobody can
   * slip clear-text input past the codec.
   */
  acceptUnencrypted?: boolean;
}

/**
 * Seals every Temporal payload with AES-256-GCM so workflow inputs, results and activity arguments (which carry
 * connector configuration and credentials) are never stored in clear text by the Temporal server.
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly config: EncryptionKeys) {
    for (const [id, key] of config.keys) {
      if (key.length !== 32) throw new ValueError(`encryption key '${id}' must be 32 bytes, got ${key.length}`);
    }
    if (!config.keys.has(config.currentKeyId)) {
      throw new ValueError(`the current encryption key id '${config.currentKeyId}' is not among the configured keys`);
    }
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const key = this.config.keys.get(this.config.currentKeyId)!;
    return payloads.map((payload) => ({
      metadata: {
        [METADATA_ENCODING_KEY]: encoder.encode(ENCODING),
        [KEY_ID_METADATA]: encoder.encode(this.config.currentKeyId),
      },
      data: seal(key, temporal.api.common.v1.Payload.encode(payload).finish()),
    }));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
      if (!encoding || decoder.decode(encoding) !== ENCODING) {
        if (this.config.acceptUnencrypted) return payload;
        throw new ValueError('refusing a payload that is not encrypted; only development (NODE_ENV=development) accepts unencrypted payloads');
      }
      const keyIdBytes = payload.metadata?.[KEY_ID_METADATA];
      const keyId = keyIdBytes ? decoder.decode(keyIdBytes) : '';
      const key = this.config.keys.get(keyId);
      if (!key) throw new ValueError(`no encryption key with id '${keyId}' is configured; add it to the key ring to read this payload`);
      if (!payload.data) throw new ValueError('an encrypted payload has no data');
      return temporal.api.common.v1.Payload.decode(open(key, payload.data)) as Payload;
    });
  }
}

function seal(key: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

function open(key: Uint8Array, sealed: Uint8Array): Uint8Array {
  const buffer = Buffer.from(sealed);
  if (buffer.length < IV_BYTES + TAG_BYTES) throw new ValueError('an encrypted payload is too short to be valid');
  const decipher = createDecipheriv('aes-256-gcm', key, buffer.subarray(0, IV_BYTES));
  decipher.setAuthTag(buffer.subarray(buffer.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(buffer.subarray(IV_BYTES, buffer.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new ValueError('an encrypted payload failed authentication: wrong key or tampered data');
  }
}
