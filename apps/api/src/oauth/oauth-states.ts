import { createHash, randomBytes } from 'node:crypto';
import type { Collection, Db } from 'mongodb';

/** How long an authorization URL stays usable: Atlassian's authorization codes live as long. */
export const OAUTH_STATE_TTL_MS = 10 * 60_000;

/** One pending authorization, found by the digest of its state: the state itself is never stored. */
interface StoredOAuthState {
  _id: string;
  tenantId: string;
  connectorId: string;
  /** The redirect URL the authorization URL named; the code exchange must send the same. */
  redirectUrl: string;
  expiresAt: Date;
  createdAt: Date;
}

export interface PendingAuthorization {
  tenantId: string;
  connectorId: string;
  redirectUrl: string;
}

export type ConsumedState = { outcome: 'valid'; authorization: PendingAuthorization } | { outcome: 'unknown' } | { outcome: 'expired' };

function digest(state: string): string {
  return createHash('sha256').update(state, 'utf8').digest('hex');
}

/**
 * The `state` of OAuth authorization URLs: random (256 bits), bound to a tenant and connector, usable once and for
 * ten minutes. Issuing a new one for a connector voids its earlier ones, so only the latest link works.
 */
export class OAuthStateStore {
  static readonly collectionName = 'oauth_states';
  private readonly collection: Collection<StoredOAuthState>;

  constructor(
    db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.collection = db.collection<StoredOAuthState>(OAuthStateStore.collectionName);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ tenantId: 1, connectorId: 1 }, { name: 'tenant_connector' });
  }

  async issue(authorization: PendingAuthorization): Promise<{ state: string; expiresAt: Date }> {
    const state = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now + OAUTH_STATE_TTL_MS);
    await this.collection.deleteMany({ $or: [{ tenantId: authorization.tenantId, connectorId: authorization.connectorId }, { expiresAt: { $lt: new Date(now) } }] });
    await this.collection.insertOne({ _id: digest(state), ...authorization, expiresAt, createdAt: new Date(now) });
    return { state, expiresAt };
  }

  /** Takes the state out (one use, even when it turns out expired) and says whether it was valid. */
  async consume(state: string): Promise<ConsumedState> {
    if (state === '' || state.length > 200) return { outcome: 'unknown' };
    const found = await this.collection.findOneAndDelete({ _id: digest(state) });
    if (!found) return { outcome: 'unknown' };
    if (found.expiresAt.getTime() <= this.now()) return { outcome: 'expired' };
    return { outcome: 'valid', authorization: { tenantId: found.tenantId, connectorId: found.connectorId, redirectUrl: found.redirectUrl } };
  }

  /** Forgets a connector's pending authorizations (it was deleted). */
  async forget(tenantId: string, connectorId: string): Promise<number> {
    return (await this.collection.deleteMany({ tenantId, connectorId })).deletedCount;
  }
}
