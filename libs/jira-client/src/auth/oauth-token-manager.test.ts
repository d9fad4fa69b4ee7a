import { describe, expect, it } from 'vitest';
import { JiraReauthenticationRequiredError } from '../errors/jira-error.js';
import { createFakeClock } from '../test-support/fixture-server.test-support.js';
import { OAuthTokenManager, RefreshSingleFlight } from './oauth-token-manager.js';
import { InMemoryTokenStore, type TokenSet } from './token-store.js';

const HOUR = 3_600_000;

function setup(initialExpiresIn = HOUR) {
  const clock = createFakeClock();
  const store = new InMemoryTokenStore();
  const events: string[] = [];
  let n = 0;
  const initial: TokenSet = { accessToken: 'at0', refreshToken: 'rt0', expiresAt: clock.now() + initialExpiresIn, scopes: [] };
  const refresh = async (refreshToken: string): Promise<TokenSet> => {
    const issued = ++n; // each refresh call issues its own pair, even when two overlap
    events.push(`refresh:${refreshToken}`);
    await new Promise((resolve) => setImmediate(resolve));
    return { accessToken: `at${issued}`, refreshToken: `rt${issued}`, expiresAt: clock.now() + HOUR, scopes: [] };
  };
  const originalSave = store.save.bind(store);
  store.save = async (id, set, previous) => {
    events.push(`save:${set.refreshToken}`);
    return originalSave(id, set, previous);
  };
  const manager = (singleFlight = new RefreshSingleFlight()) =>
    new OAuthTokenManager({ credentialId: 'c1', store, refresh, clock, singleFlight });
  return { clock, store, events, initial, manager };
}

describe('OAuthTokenManager', () => {
  it('uses the stored token while it is fresh', async () => {
    const s = setup();
    await s.store.save('c1', s.initial);
    expect(await s.manager().authorization()).toBe('Bearer at0');
    expect(s.events.filter((e) => e.startsWith('refresh'))).toEqual([]);
  });

  it('refreshes ahead of expiry and persists the new pair before handing it out', async () => {
    const s = setup(30_000);
    await s.store.save('c1', s.initial);
    s.events.length = 0;
    expect(await s.manager().authorization()).toBe('Bearer at1');
    expect(s.events).toEqual(['refresh:rt0', 'save:rt1']);
    expect((await s.store.load('c1'))?.refreshToken).toBe('rt1');
  });

  it('coalesces concurrent refreshes of one credential into one call', async () => {
    const s = setup(0);
    await s.store.save('c1', s.initial);
    const flight = new RefreshSingleFlight();
    const [a, b, c] = await Promise.all([s.manager(flight).authorization(), s.manager(flight).authorization(), s.manager(flight).authorization()]);
    expect(new Set([a, b, c])).toEqual(new Set(['Bearer at1']));
    expect(s.events.filter((e) => e.startsWith('refresh'))).toEqual(['refresh:rt0']);
  });

  it('adopts the pair another worker stored when its own save loses the compare-and-set', async () => {
    const s = setup(0);
    await s.store.save('c1', s.initial);
    const [a, b] = await Promise.all([s.manager().authorization(), s.manager().authorization()]);
    // Both workers refreshed (no shared single flight) and both tried to save: one save lost the compare-and-set.
    expect(s.events.filter((e) => e.startsWith('refresh'))).toEqual(['refresh:rt0', 'refresh:rt0']);
    expect(s.events.filter((e) => e.startsWith('save')).sort()).toEqual(['save:rt0', 'save:rt1', 'save:rt2']);
    expect(a).toBe(b);
    expect((await s.store.load('c1'))?.accessToken).toBe(a.slice('Bearer '.length));
  });

  it('refreshes once on a 401 for the token it handed out, and not for an already replaced one', async () => {
    const s = setup();
    await s.store.save('c1', s.initial);
    const manager = s.manager();
    expect(await manager.recoverFromUnauthorized('Bearer at0')).toBe(true);
    expect(await manager.authorization()).toBe('Bearer at1');
    expect(await manager.recoverFromUnauthorized('Bearer at0')).toBe(true);
    expect(s.events.filter((e) => e.startsWith('refresh'))).toEqual(['refresh:rt0']);
  });

  it('asks for re-authentication when nothing is stored', async () => {
    const s = setup();
    await expect(s.manager().authorization()).rejects.toBeInstanceOf(JiraReauthenticationRequiredError);
  });
});
