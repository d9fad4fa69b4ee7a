/** An OAuth access/refresh token pair as the client keeps it. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the access token stops working. */
  expiresAt: number;
  /** Scopes granted (space-split). */
  scopes: string[];
}

/**
 * Persistence for token pairs, injected by the application (encrypted at rest there). `save` with `expectedPrevious`
 * is a compare-and-set: it must throw TokenStoreConflictError when the stored pair is no longer `expectedPrevious`
 * (another worker refreshed first).
 */
export interface TokenStore {
  load(credentialId: string): Promise<TokenSet | undefined>;
  save(credentialId: string, tokenSet: TokenSet, expectedPrevious?: TokenSet): Promise<void>;
}

/** Another refresher persisted a newer pair first; reload and use that one. */
export class TokenStoreConflictError extends Error {
  constructor(credentialId: string) {
    super(`The stored tokens for credential '${credentialId}' changed during a refresh; reload them.`);
    this.name = 'TokenStoreConflictError';
  }
}

/** A TokenStore in memory with compare-and-set on the refresh token: for tests and single-process tools. */
export class InMemoryTokenStore implements TokenStore {
  private readonly sets = new Map<string, TokenSet>();

  async load(credentialId: string): Promise<TokenSet | undefined> {
    const set = this.sets.get(credentialId);
    return set ? { ...set, scopes: [...set.scopes] } : undefined;
  }

  async save(credentialId: string, tokenSet: TokenSet, expectedPrevious?: TokenSet): Promise<void> {
    const current = this.sets.get(credentialId);
    if (expectedPrevious && current && current.refreshToken !== expectedPrevious.refreshToken) {
      throw new TokenStoreConflictError(credentialId);
    }
    this.sets.set(credentialId, { ...tokenSet, scopes: [...tokenSet.scopes] });
  }
}
