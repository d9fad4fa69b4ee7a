import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Collection, Db } from 'mongodb';

/** What is kept of an API key: its id and the SHA-256 of its secret part, never the key itself. */
interface ApiKeyDocument {
  keyId: string;
  tenantId: string;
  name: string;
  secretHash: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** An API key as listed: no secret, no hash. */
export interface ApiKeySummary {
  keyId: string;
  name: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** A freshly issued key: `key` is shown to the caller once and cannot be read back. */
export interface IssuedApiKey extends ApiKeySummary {
  key: string;
}

const PREFIX = 'jsk';
const KEY_PATTERN = /^jsk_([A-Za-z0-9_-]{16})_([A-Za-z0-9_-]{43})$/;

function hashSecret(secret: string): string {
  // The secret is 256 random bits, so a plain digest is enough: there is nothing to guess from it.
  return createHash('sha256').update(secret, 'utf8').digest('base64url');
}

/** Collection `api_keys`: random keys (`jsk_<id>_<secret>`), stored hashed, scoped to one tenant. */
export class ApiKeyRepository {
  static readonly collectionName = 'api_keys';
  private readonly collection: Collection<ApiKeyDocument>;

  constructor(db: Db) {
    this.collection = db.collection<ApiKeyDocument>(ApiKeyRepository.collectionName);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ keyId: 1 }, { unique: true, name: 'key_unique' });
    await this.collection.createIndex({ tenantId: 1, createdAt: 1 }, { name: 'tenant_keys' });
  }

  async issue(tenantId: string, name: string): Promise<IssuedApiKey> {
    const keyId = randomBytes(12).toString('base64url');
    const secret = randomBytes(32).toString('base64url');
    const createdAt = new Date();
    await this.collection.insertOne({ keyId, tenantId, name, secretHash: hashSecret(secret), createdAt, revokedAt: null, lastUsedAt: null });
    return { keyId, name, createdAt, revokedAt: null, lastUsedAt: null, key: `${PREFIX}_${keyId}_${secret}` };
  }

  /** The tenant and key id a presented key belongs to, or null for a malformed, unknown or revoked key. */
  async verify(key: string): Promise<{ tenantId: string; keyId: string } | null> {
    const match = KEY_PATTERN.exec(key);
    if (!match) return null;
    const [, keyId, secret] = match as unknown as [string, string, string];
    const doc = await this.collection.findOne({ keyId, revokedAt: null });
    if (!doc) return null;
    const expected = Buffer.from(doc.secretHash, 'utf8');
    const presented = Buffer.from(hashSecret(secret), 'utf8');
    if (expected.length !== presented.length || !timingSafeEqual(expected, presented)) return null;
    await this.collection.updateOne({ keyId }, { $set: { lastUsedAt: new Date() } });
    return { tenantId: doc.tenantId, keyId };
  }

  async list(tenantId: string): Promise<ApiKeySummary[]> {
    return this.collection
      .find({ tenantId }, { projection: { _id: 0, keyId: 1, name: 1, createdAt: 1, revokedAt: 1, lastUsedAt: 1 } })
      .sort({ createdAt: 1 })
      .toArray() as Promise<ApiKeySummary[]>;
  }

  /** Revokes one of the tenant's keys; false when the tenant has no such key (another tenant's id included). */
  async revoke(tenantId: string, keyId: string): Promise<boolean> {
    const result = await this.collection.updateOne({ tenantId, keyId, revokedAt: null }, { $set: { revokedAt: new Date() } });
    if (result.matchedCount === 1) return true;
    return (await this.collection.countDocuments({ tenantId, keyId })) === 1;
  }
}
