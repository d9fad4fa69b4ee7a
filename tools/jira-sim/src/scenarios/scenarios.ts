/**
 * Scenarios: named sets of switches for production behaviours other Jira connectors trip on (issue #11). The default
 * scenario is kind (every switch off unless Jira always behaves that way); `production` turns them on so the sync's
 * tests can opt in. Explicit `searchLagMs` and `switches` passed to startSimulator win over the scenario.
 */
import type { RuntimeOptions } from '../runtime/sim-runtime.js';

export type ScenarioName = 'default' | 'production';

export type ScenarioSwitches = Partial<Omit<RuntimeOptions, 'preset' | 'seed' | 'legacySearch'>>;

export const SCENARIOS: Record<ScenarioName, ScenarioSwitches> = {
  default: {},
  production: {
    // Search can trail writes by hours, and only some writes lag: a webhook may announce an issue search cannot find yet.
    searchLagMs: 2 * 3_600_000,
    searchLagShare: 0.25,
    // Heavy search pages sporadically answer 500, and now and then the edge answers an HTML 5xx instead of JSON.
    heavyExpandFailureRate: 0.25,
    serverErrorRate: 0.02,
    // A rotated refresh token reused after the leeway answers unauthorized_client; sites come in no stable order.
    refreshReuseError: 'unauthorized_client',
    accessibleResourcesShuffle: true,
    accessibleResourcesForeignSite: true,
    // An attachment fetched without working credentials comes back as a 200 HTML login page.
    attachmentLoginPage: true,
    // A bulk edit leaves more issues in one `updated` minute than a page holds; an automation edits PLAT-2 every 3 minutes.
    sameMinuteIssues: 150,
    automation: { issueKey: 'PLAT-2', everyMs: 3 * 60_000 },
    // example.com is a managed domain whose organisation shows emails, whatever the profiles say; apps sit in groups.
    managedEmailDomains: { 'example.com': true },
    appAccountsInGroups: true,
    // Issues log work; fields.worklog embeds 20 while total says more.
    worklogs: true,
    // Epics have a parent of their own (an Initiative); children of epics already name them in `parent`, not Epic Link.
    epicParents: true,
    // The Sprint field has another id on each site: find it in GET /field by its schema.
    sprintField: true,
  },
};

/** Returns a scenario by name or throws a readable error listing the valid names. */
export function scenarioByName(name: string): ScenarioSwitches {
  const scenario = (SCENARIOS as Record<string, ScenarioSwitches | undefined>)[name];
  if (!scenario) throw new Error(`Unknown scenario '${name}'. Use one of: ${Object.keys(SCENARIOS).join(', ')}.`);
  return scenario;
}
