import { TokenStoreConflictError, type InMemoryTokenStore, type TokenSet, type TokenStore } from '../auth/token-store.js';

/**
 * Wraps a store so the first loads of two workers meet: both see the same expired pair and both refresh with the same
 * refresh token (a real race, not one worker finishing before the other starts). Records save outcomes.
 */
export class PairedLoadStore implements TokenStore {
  readonly saves: string[] = [];
  private waiting: (() => void) | undefined;
  private paired = 0;

  constructor(readonly inner: InMemoryTokenStore) {}

  async load(id: string): Promise<TokenSet | undefined> {
    if (this.paired < 4) {
      this.paired++;
      if (this.waiting) {
        this.waiting();
        this.waiting = undefined;
      } else await new Promise<void>((resolve) => (this.waiting = resolve));
    }
    return this.inner.load(id);
  }

  async save(id: string, set: TokenSet, previous?: TokenSet): Promise<void> {
    try {
      await this.inner.save(id, set, previous);
      this.saves.push('saved');
    } catch (error) {
      this.saves.push(error instanceof TokenStoreConflictError ? 'conflict' : 'failed');
      throw error;
    }
  }
}
