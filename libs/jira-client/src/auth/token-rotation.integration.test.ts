import { describe, expect, it } from 'vitest';
import { JiraReauthenticationRequiredError } from '../errors/jira-error.js';
import { connectToSim, simOAuthApp, storeWithFreshGrant } from '../test-support/oauth-sim.test-support.js';
import { PairedLoadStore } from '../test-support/paired-load-store.test-support.js';
import { useJiraSimulator } from '../test-support/simulator.test-support.js';
import { refreshTokenSet } from './oauth-token-endpoint.js';
import { RefreshSingleFlight } from './oauth-token-manager.js';
import type { InMemoryTokenStore, TokenSet } from './token-store.js';

const h = useJiraSimulator();
const expired = (set: TokenSet): TokenSet => ({ ...set, expiresAt: 0 });

/** A fresh grant whose stored access token is already past expiry, so the next use must refresh. */
async function expiredStore(): Promise<{ store: InMemoryTokenStore; stored: TokenSet }> {
  const store = await storeWithFreshGrant(h.sim);
  const stored = expired((await store.load('conn-1'))!);
  await store.save('conn-1', stored);
  return { store, stored };
}

describe('rotating refresh tokens against the simulator', () => {
  it('refreshes once on a 401 for an expired access token and persists the rotated pair', async () => {
    const store = await storeWithFreshGrant(h.sim);
    const before = (await store.load('conn-1'))!;
    const client = await connectToSim(h, store);
    h.sim.control.faults.expireAccessTokens();
    expect((await client.myself()).accountId).toBe(h.sim.credentials.oauthUser.accountId);
    const after = (await store.load('conn-1'))!;
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.accessToken).not.toBe(before.accessToken);
  });

  it('refreshes when the gateway refuses a stored token that looked valid, even while connecting', async () => {
    const store = await storeWithFreshGrant(h.sim);
    const before = (await store.load('conn-1'))!;
    h.sim.control.faults.expireAccessTokens();
    const client = await connectToSim(h, store);
    expect((await store.load('conn-1'))!.refreshToken).not.toBe(before.refreshToken);
    expect((await client.myself()).accountId).toBe(h.sim.credentials.oauthUser.accountId);
  });

  it('refreshes ahead of expiry, before the first call', async () => {
    const store = await storeWithFreshGrant(h.sim);
    const before = (await store.load('conn-1'))!;
    await store.save('conn-1', { ...before, expiresAt: h.clock.now() + 30_000 });
    await connectToSim(h, store);
    expect((await store.load('conn-1'))!.refreshToken).not.toBe(before.refreshToken);
  });

  it('survives two workers refreshing the same credential at once: the loser of the save adopts the winner', async () => {
    const store = new PairedLoadStore((await expiredStore()).store);
    const [a, b] = await Promise.all([
      connectToSim(h, store, { singleFlight: new RefreshSingleFlight() }),
      connectToSim(h, store, { singleFlight: new RefreshSingleFlight() }),
    ]);
    expect(store.saves).toEqual(['saved', 'conflict']);
    const [meA, meB] = await Promise.all([a.myself(), b.myself()]);
    expect(meA.accountId).toBe(meB.accountId);
    const final = (await store.load('conn-1'))!;
    expect((await refreshTokenSet(simOAuthApp(h.sim), final.refreshToken)).accessToken).not.toBe('');
  });

  it('recovers from a crash between refresh and persist thanks to the 10-minute reuse leeway', async () => {
    const { store, stored } = await expiredStore();
    await refreshTokenSet(simOAuthApp(h.sim), stored.refreshToken); // refreshed, then the process died before saving
    const client = await connectToSim(h, store);
    expect((await client.myself()).accountId).toBe(h.sim.credentials.oauthUser.accountId);
  });

  it('asks for re-authentication when the lost refresh is older than the leeway', async () => {
    const { store, stored } = await expiredStore();
    await refreshTokenSet(simOAuthApp(h.sim), stored.refreshToken);
    h.sim.control.clock.advance(11 * 60_000);
    const error = await connectToSim(h, store).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraReauthenticationRequiredError);
    expect((error as Error).message).toContain('Re-authentication needed');
  });
});
