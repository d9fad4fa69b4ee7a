/** Starts a simulator: builds the seeded world and opens one listener per site plus gateway, auth and media hosts. */
import type { SimControl } from '../control/sim-control.js';
import { createSimControl } from '../control/sim-control.js';
import { buildWorld } from '../generator/build-world.js';
import type { PresetName } from '../generator/presets.js';
import { createAuthHandler } from '../hosts/auth-host.js';
import { createGatewayHandler } from '../hosts/gateway-host.js';
import { createMediaHandler } from '../hosts/media-host.js';
import { createSiteHandler } from '../hosts/site-host.js';
import type { Listener, RawHandler } from '../http/listener.js';
import { startListener } from '../http/listener.js';
import { Router } from '../http/router.js';
import { ALL_ROUTES } from '../routes/all-routes.js';
import { createSimClock } from '../runtime/sim-clock.js';
import type { ReplyObserver, RuntimeOptions } from '../runtime/sim-runtime.js';
import { SimRuntime } from '../runtime/sim-runtime.js';
import { SearchHistory } from '../search/search-history.js';
import { createSimRng, deriveSeed } from '../util/rng.js';
import { runAutomation } from '../runtime/automation.js';
import { addAppAccountsToGroups, applyManagedEmailPolicy } from '../scenarios/org-accounts.js';
import { SPRINT_FIELD_IDS } from '../content/sprints.js';
import { addInitiatives } from '../scenarios/epic-parents.js';
import { applySameMinuteBulkEdit } from '../scenarios/same-minute-bulk-edit.js';
import type { ScenarioName } from '../scenarios/scenarios.js';
import { scenarioByName } from '../scenarios/scenarios.js';
import { startWebhookDelivery } from '../webhooks/deliver-webhooks.js';

export interface StartOptions {
  preset?: PresetName;
  seed?: number;
  host?: string;
  searchLagMs?: number;
  legacySearch?: boolean;
  /** Named set of production behaviours (issue #11); `default` keeps every optional one off. */
  scenario?: ScenarioName;
  /** Fixed ports for the standalone server (site listeners get consecutive ports); 0 everywhere by default. */
  port?: number;
  /** Further switches (consent page, search truncation limits, audit of deletions...). */
  switches?: Partial<Omit<RuntimeOptions, 'preset' | 'seed' | 'searchLagMs' | 'legacySearch'>>;
  /** Called with every Jira REST reply (used by the contract tests). */
  onReply?: ReplyObserver;
}

export interface JiraSimulator {
  sites: Array<{ cloudId: string; name: string; siteUrl: string }>;
  apiGatewayUrl: string;
  authUrl: string;
  mediaUrl: string;
  credentials: {
    apiUser: { email: string; apiToken: string; accountId: string; timeZone: string };
    admin: { email: string; apiToken: string; accountId: string; timeZone: string };
    oauthClient: { clientId: string; clientSecret: string; redirectUri: string; scopes: string[] };
    oauthUser: { accountId: string; email: string };
  };
  control: SimControl;
  stop(): Promise<void>;
}

const OAUTH_SCOPES = ['read:jira-user', 'read:jira-work', 'manage:jira-configuration', 'manage:jira-project', 'manage:jira-webhook', 'offline_access', 'read:me'];

/** Starts a simulator with every listener on port 0 unless `port` is given. */
export async function startSimulator(options: StartOptions = {}): Promise<JiraSimulator> {
  const preset = options.preset ?? 'demo';
  const seed = options.seed ?? 1;
  const host = options.host ?? '127.0.0.1';
  const world = buildWorld(preset, seed);
  const scenario = scenarioByName(options.scenario ?? 'default');
  const runtime = new SimRuntime(
    {
      preset,
      seed,
      legacySearch: options.legacySearch ?? false,
      searchLagShare: 1,
      consentPage: false,
      searchChangelogLimit: 40,
      searchCommentLimit: 20,
      heavyFieldsPageCap: 100,
      mediaUrlTtlMs: 5 * 60_000,
      auditIssueDeletes: false,
      commentDeleteBumpsUpdated: true,
      serverErrorRate: 0,
      heavyExpandFailureRate: 0,
      refreshReuseError: 'invalid_grant',
      accessibleResourcesShuffle: false,
      accessibleResourcesForeignSite: false,
      attachmentLoginPage: false,
      automation: null,
      sameMinuteIssues: 0,
      managedEmailDomains: {},
      appAccountsInGroups: false,
      worklogs: false,
      epicParents: false,
      sprintField: false,
      ...scenario,
      ...options.switches,
      searchLagMs: options.searchLagMs ?? scenario.searchLagMs ?? 0,
    },
    createSimClock(),
    world.directory,
    world.known,
  );
  const [mainSite] = world.sites;
  if (mainSite) applySameMinuteBulkEdit(mainSite, runtime.options.sameMinuteIssues, world.known.admin.accountId);
  applyManagedEmailPolicy(world.directory, runtime.options.managedEmailDomains);
  if (runtime.options.appAccountsInGroups) addAppAccountsToGroups(world.sites, world.directory);
  for (const site of world.sites) site.worklogs = runtime.options.worklogs;
  if (mainSite && runtime.options.epicParents) addInitiatives(mainSite);
  if (runtime.options.sprintField) world.sites.forEach((site, index) => (site.sprintFieldId = SPRINT_FIELD_IDS[index] ?? `customfield_${10200 + index}`));
  const redirectUri = 'http://127.0.0.1/oauth/callback';
  const client = { clientId: `sim-client-${seed}`, clientSecret: `sim-secret-${seed}`, redirectUris: [redirectUri], scopes: OAUTH_SCOPES };
  runtime.oauth.clients.set(client.clientId, client);
  if (options.onReply) runtime.replyObservers.push(options.onReply);
  const router = new Router(ALL_ROUTES);
  const flush = startWebhookDelivery(runtime);
  const control = createSimControl(runtime, flush);
  const listeners: Listener[] = [];
  const port = (offset: number): number => (options.port ? options.port + offset : 0);
  const open = async (offset: number, handler: RawHandler): Promise<string> => {
    const listener = await startListener(host, port(offset), handler);
    listeners.push(listener);
    return listener.url;
  };
  try {
    for (const [index, state] of world.sites.entries()) {
      const site = { state, url: '', search: new SearchHistory(runtime.options.searchLagMs, runtime.options.searchLagShare, createSimRng(deriveSeed(seed, `search-lag:${state.cloudId}`))) };
      runtime.sites.push(site);
      let handler: RawHandler = async () => undefined;
      site.url = await open(index, (request, response) => handler(request, response));
      handler = createSiteHandler(runtime, router, site, control);
    }
    runtime.urls.gateway = await open(10, createGatewayHandler(runtime, router));
    runtime.urls.auth = await open(11, createAuthHandler(runtime));
    runtime.urls.media = await open(12, createMediaHandler(runtime));
    // Starts the automation's schedule (switch automation) on the simulator clock.
    runAutomation(runtime);
  } catch (error) {
    await Promise.all(listeners.map((listener) => listener.close()));
    throw error;
  }
  const account = (user: typeof world.known.apiUser) => ({ email: user.email, apiToken: user.apiToken ?? '', accountId: user.accountId, timeZone: user.timeZone });
  return {
    sites: runtime.sites.map((site) => ({ cloudId: site.state.cloudId, name: site.state.name, siteUrl: site.url })),
    apiGatewayUrl: runtime.urls.gateway,
    authUrl: runtime.urls.auth,
    mediaUrl: runtime.urls.media,
    credentials: {
      apiUser: account(world.known.apiUser),
      admin: account(world.known.admin),
      oauthClient: { clientId: client.clientId, clientSecret: client.clientSecret, redirectUri, scopes: [...OAUTH_SCOPES] },
      oauthUser: { accountId: world.known.oauthUser.accountId, email: world.known.oauthUser.email },
    },
    control,
    stop: async () => {
      await flush().catch(() => undefined);
      await Promise.all(listeners.map((listener) => listener.close()));
    },
  };
}
