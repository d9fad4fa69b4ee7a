import { JiraReauthenticationRequiredError } from '../errors/jira-error.js';
import { systemClock, type Clock } from '../http/clock.js';
import type { AuthProvider } from '../http/jira-request.js';
import { TokenStoreConflictError, type TokenSet, type TokenStore } from './token-store.js';

/** Coalesces concurrent refreshes of one credential into one call. Share one per process (the default). */
export class RefreshSingleFlight {
  private readonly inflight = new Map<string, Promise<TokenSet>>();

  run(credentialId: string, refresh: () => Promise<TokenSet>): Promise<TokenSet> {
    let pending = this.inflight.get(credentialId);
    if (!pending) {
      pending = refresh().finally(() => this.inflight.delete(credentialId));
      this.inflight.set(credentialId, pending);
    }
    return pending;
  }
}

const processSingleFlight = new RefreshSingleFlight();

export interface OAuthTokenManagerOptions {
  credentialId: string;
  store: TokenStore;
  /** Trades a refresh token for a new pair (refreshTokenSet bound to the app). */
  refresh: (refreshToken: string) => Promise<TokenSet>;
  clock?: Clock;
  /** Refresh this long before expiry. Default 60 s. */
  refreshAheadMs?: number;
  singleFlight?: RefreshSingleFlight;
}

/**
 * Supplies Bearer tokens for one credential: refreshes ahead of expiry and once on a 401, single-flight, and persists
 * the rotated pair (compare-and-set) *before* using it. If the process dies between refresh and persist, the stored
 * old refresh token still works within Atlassian's 10-minute reuse leeway.
 */
export class OAuthTokenManager implements AuthProvider {
  private current: TokenSet | undefined;
  private readonly clock: Clock;
  private readonly refreshAheadMs: number;
  private readonly singleFlight: RefreshSingleFlight;

  constructor(private readonly options: OAuthTokenManagerOptions) {
    this.clock = options.clock ?? systemClock;
    this.refreshAheadMs = options.refreshAheadMs ?? 60_000;
    this.singleFlight = options.singleFlight ?? processSingleFlight;
  }

  async authorization(): Promise<string> {
    return `Bearer ${(await this.validTokenSet()).accessToken}`;
  }

  async recoverFromUnauthorized(rejectedAuthorization: string): Promise<boolean> {
    const current = this.current ?? (await this.load());
    if (`Bearer ${current.accessToken}` !== rejectedAuthorization) return true;
    await this.refreshFrom(current);
    return true;
  }

  describeUnauthorized(): string {
    return 'Jira refused the OAuth access token even after a refresh; reconnect the Jira app (re-authentication needed).';
  }

  /** The current pair, refreshed first when it expires within `refreshAheadMs`. */
  async validTokenSet(): Promise<TokenSet> {
    const current = this.current ?? (await this.load());
    if (current.expiresAt - this.clock.now() > this.refreshAheadMs) return current;
    return this.refreshFrom(current);
  }

  private async load(): Promise<TokenSet> {
    const stored = await this.options.store.load(this.options.credentialId);
    if (!stored) {
      throw new JiraReauthenticationRequiredError(
        `No tokens are stored for Jira credential '${this.options.credentialId}'. Re-authentication needed: connect the Jira app.`,
      );
    }
    this.current = stored;
    return stored;
  }

  private refreshFrom(stale: TokenSet): Promise<TokenSet> {
    return this.singleFlight.run(this.options.credentialId, async () => {
      const stored = await this.load();
      const someoneElseRefreshed = stored.accessToken !== stale.accessToken;
      if (someoneElseRefreshed && stored.expiresAt - this.clock.now() > this.refreshAheadMs) return stored;
      const next = await this.options.refresh(stored.refreshToken);
      try {
        await this.options.store.save(this.options.credentialId, next, stored);
      } catch (error) {
        if (!(error instanceof TokenStoreConflictError)) throw error;
        return this.load();
      }
      this.current = next;
      return next;
    });
  }
}
