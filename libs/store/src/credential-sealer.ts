import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** The key ring shape libs/temporal's parseKeyRing returns: the current key seals, every key opens. */
export interface SealerKeyRing {
  currentKeyId: string;
  keys: Map<string, Uint8Array>;
}

/** An AES-256-GCM sealed value; every field is base64 except the key id. */
export interface SealedValue {
  keyId: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

/** Opening failed: wrong key, wrong context (aad) or altered bytes. Never carries the plaintext or key. */
export class CredentialSealError extends Error {
  readonly retryable = false;
  constructor(message: string) {
    super(message);
    this.name = 'CredentialSealError';
  }
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Seals secrets with AES-256-GCM bound to a context string (aad), so a blob cannot be moved to another record. */
export class CredentialSealer {
  private readonly currentKeyId: string;
  private readonly keys: Map<string, Buffer>;

  constructor(ring: SealerKeyRing) {
    this.keys = new Map();
    for (const [keyId, key] of ring.keys) {
      if (key.byteLength !== 32) throw new CredentialSealError(`key '${keyId}' must be 32 bytes for AES-256-GCM, got ${key.byteLength}`);
      this.keys.set(keyId, Buffer.from(key));
    }
    if (!this.keys.has(ring.currentKeyId)) throw new CredentialSealError(`the current key id '${ring.currentKeyId}' is not in the key ring`);
    this.currentKeyId = ring.currentKeyId;
  }

  seal(plaintext: string, aad: string): SealedValue {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keyFor(this.currentKeyId), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { keyId: this.currentKeyId, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
  }

  open(sealed: SealedValue, aad: string): string {
    const key = this.keyFor(sealed.keyId);
    const iv = Buffer.from(sealed.iv, 'base64');
    const tag = Buffer.from(sealed.tag, 'base64');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new CredentialSealError(`sealed value for '${aad}' is malformed (iv or tag length)`);
    try {
      const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new CredentialSealError(`sealed value for '${aad}' failed authentication: it was altered or sealed for another record`);
    }
  }

  private keyFor(keyId: string): Buffer {
    const key = this.keys.get(keyId);
    if (!key) throw new CredentialSealError(`sealed with key '${keyId}', which is not in the key ring; add it back to open this value`);
    return key;
  }
}
