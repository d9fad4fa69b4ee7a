/** Sites an account can use (licensed on the site), and their accessible-resources entries. */
import type { SimRuntime } from '../runtime/sim-runtime.js';

export function accessibleCloudIds(runtime: SimRuntime, accountId: string): string[] {
  return runtime.sites.filter((site) => site.state.licensedAccountIds.has(accountId)).map((site) => site.state.cloudId);
}

export function accessibleResources(runtime: SimRuntime, cloudIds: string[], scopes: string[]): Array<Record<string, unknown>> {
  return runtime.sites
    .filter((site) => cloudIds.includes(site.state.cloudId))
    .map((site) => ({ id: site.state.cloudId, url: site.url, name: site.state.name, scopes: scopes.filter((scope) => scope !== 'offline_access'), avatarUrl: 'https://site-admin-avatar-cdn.example.invalid/avatars/240/rocket.png' }));
}
