/** Builds the account directory and every site of a preset (main site plus a small second site). */
import type { SiteState } from '../model/site-state.js';
import type { User } from '../model/types.js';
import type { WellKnownAccounts } from './generate-users.js';
import { createWellKnownAccounts, generateUsers } from './generate-users.js';
import { generateSite } from './generate-site.js';
import { seedAuditLog } from './seed-audit-log.js';
import type { PresetName } from './presets.js';
import { presetByName } from './presets.js';

export interface World {
  known: WellKnownAccounts;
  directory: Map<string, User>;
  sites: SiteState[];
}

export function buildWorld(preset: PresetName, seed: number): World {
  const spec = presetByName(preset);
  const known = createWellKnownAccounts();
  const users = [known.apiUser, known.admin, known.oauthUser, ...generateUsers(seed, spec.generatedUsers)];
  const directory = new Map(users.map((user) => [user.accountId, user]));
  const main = generateSite({ name: 'Acme', seed, projects: spec.projects, issues: spec.issues, commentsPerIssue: spec.commentsPerIssue, attachmentRate: spec.attachmentRate, userShare: 1 }, directory, known);
  const second = generateSite({ name: 'Acme Labs', seed: seed + 1, projects: 1, issues: spec.secondSiteIssues, commentsPerIssue: 2, attachmentRate: 0.3, userShare: 0.5 }, directory, known);
  for (const site of [main, second]) seedAuditLog(site, known);
  return { known, directory, sites: [main, second] };
}
