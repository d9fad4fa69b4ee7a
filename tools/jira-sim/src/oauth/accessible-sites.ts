/** Sites an account can use (licensed on the site), and their accessible-resources entries. */
import type { SimRuntime } from '../runtime/sim-runtime.js';
import { createSimRng, deriveSeed, uuidFrom } from '../util/rng.js';

const AVATAR = 'https://site-admin-avatar-cdn.example.invalid/avatars/240/rocket.png';
/** Listings served per simulator, so the rotation is the same for the same calls. */
const listings = new WeakMap<SimRuntime, number>();

export function accessibleCloudIds(runtime: SimRuntime, accountId: string): string[] {
  return runtime.sites.filter((site) => site.state.licensedAccountIds.has(accountId)).map((site) => site.state.cloudId);
}

/**
 * A site accessible-resources lists although the user cannot use it (switch accessibleResourcesForeignSite): the
 * gateway answers 401 for its cloudId. Derived from the seed, so it is stable per preset.
 */
export function foreignSite(runtime: SimRuntime): { cloudId: string; name: string; url: string } | undefined {
  if (!runtime.options.accessibleResourcesForeignSite) return undefined;
  return { cloudId: uuidFrom(createSimRng(deriveSeed(runtime.options.seed, 'foreign-site'))), name: 'Acme Partner', url: 'https://acme-partner.example.invalid' };
}

export function accessibleResources(runtime: SimRuntime, cloudIds: string[], scopes: string[]): Array<Record<string, unknown>> {
  const granted = scopes.filter((scope) => scope !== 'offline_access');
  const entries = runtime.sites
    .filter((site) => cloudIds.includes(site.state.cloudId))
    .map((site) => ({ id: site.state.cloudId, url: site.url, name: site.state.name, scopes: granted, avatarUrl: AVATAR }));
  const foreign = foreignSite(runtime);
  if (foreign) entries.splice(1, 0, { id: foreign.cloudId, url: foreign.url, name: foreign.name, scopes: granted, avatarUrl: AVATAR });
  if (!runtime.options.accessibleResourcesShuffle || entries.length < 2) return entries;
  // Order is not meaningful in Jira: rotate it on every listing so a client that takes the first entry picks wrongly.
  const count = (listings.get(runtime) ?? 0) + 1;
  listings.set(runtime, count);
  const shift = count % entries.length;
  return [...entries.slice(shift), ...entries.slice(0, shift)];
}
