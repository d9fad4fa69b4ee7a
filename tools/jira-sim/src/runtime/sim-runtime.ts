/** Everything a running simulator shares between its listeners, routes and control API. */
import { createHmac, randomBytes } from 'node:crypto';
import { RequestCounters } from '../counters/request-counters.js';
import { BurstLimiter } from '../faults/burst-limiter.js';
import { FaultEngine } from '../faults/fault-engine.js';
import { PointsBudget } from '../faults/points-budget.js';
import type { WellKnownAccounts } from '../generator/generate-users.js';
import type { PresetName } from '../generator/presets.js';
import type { SiteState } from '../model/site-state.js';
import type { User } from '../model/types.js';
import type { ConsentConfig } from '../oauth/consent.js';
import { OAuthStore } from '../oauth/oauth-store.js';
import type { SearchHistory } from '../search/search-history.js';
import { WebhookRegistry } from '../webhooks/webhook-registry.js';
import type { Rng } from '../util/rng.js';
import { createSimRng, deriveSeed } from '../util/rng.js';
import type { SimClock } from './sim-clock.js';

export interface SiteRuntime {
  state: SiteState;
  url: string;
  search: SearchHistory;
  /** A suspended site (e.g. unpaid) answers 503 to every Jira call until resumed (control: sites.setSuspended). */
  suspended?: boolean;
}

export interface RuntimeOptions {
  preset: PresetName;
  seed: number;
  searchLagMs: number;
  /** Share of writes (0..1, seeded) that lag behind search by searchLagMs; the rest are searchable at once. */
  searchLagShare: number;
  legacySearch: boolean;
  /** Show the OAuth consent page instead of redirecting straight back (default: auto-approve). */
  consentPage: boolean;
  /** Changelog histories embedded by search with expand=changelog. */
  searchChangelogLimit: number;
  /** Comments embedded by search in fields.comment. */
  searchCommentLimit: number;
  /** Page cap of search/jql when heavy fields are requested. */
  heavyFieldsPageCap: number;
  /** Lifetime of the signed media URL an attachment redirect points at. */
  mediaUrlTtlMs: number;
  /** Write an 'Issue deleted' audit record (undocumented in Cloud, so off by default). */
  auditIssueDeletes: boolean;
  /** Whether deleting a comment bumps the issue's `updated` (undocumented; on by default). */
  commentDeleteBumpsUpdated: boolean;
  /** Share (0..1, seeded) of every REST call answered by an HTML 500/502/503/504 page instead of JSON. */
  serverErrorRate: number;
  /** Share (0..1, seeded) of heavy search/jql pages (changelog or transitions expanded, 10+ fields, 50+ issues) answering 500. */
  heavyExpandFailureRate: number;
  /** Reply to a rotated-out refresh token presented after the reuse leeway: 403 invalid_grant or 403 unauthorized_client. */
  refreshReuseError: 'invalid_grant' | 'unauthorized_client';
  /** accessible-resources lists the sites in an order that changes from call to call. */
  accessibleResourcesShuffle: boolean;
  /** accessible-resources also lists a site the user cannot access (the gateway answers 401 for it). */
  accessibleResourcesForeignSite: boolean;
  /** Attachment content/thumbnail on the site host answers unauthenticated callers 200 text/html (a login page), not 401/403/404. */
  attachmentLoginPage: boolean;
  /** An automation rule editing one issue of the first site every `everyMs` of simulator time (null: none). */
  automation: { issueKey: string; everyMs: number } | null;
  /** A bulk edit at startup that gives this many issues of the first site (at most half) one shared `updated` minute. */
  sameMinuteIssues: number;
  /** Email domains of managed accounts -> whether their organisation shows their email (the profile setting is ignored). */
  managedEmailDomains: Record<string, boolean>;
  /** App accounts are members of ordinary groups (engineering, support). */
  appAccountsInGroups: boolean;
  /** Issues carry seeded worklogs (a quarter more than the 20 `fields.worklog` embeds) served by issue/{id}/worklog. */
  worklogs: boolean;
  /** Each project of the first site gets an Initiative that is the `parent` of its epics (epics with a parent of their own). */
  epicParents: boolean;
  /** A Sprint custom field whose id differs per site (customfield_10020 on the first site, customfield_10104 on the second). */
  sprintField: boolean;
}

/** Observes every Jira REST reply (contract tests record them). */
export type ReplyObserver = (event: {
  method: string;
  template: string;
  status: number;
  contentType: string | undefined;
  body: unknown;
  /** Query parameter names the handler read. */
  queryNames: string[];
  /** The request body as sent (text), for POST/PUT. */
  requestBody?: string;
}) => void;

export type MutationListener = (event: { site: SiteState; type: string; payload: Record<string, unknown> }) => void;

export class SimRuntime {
  readonly sites: SiteRuntime[] = [];
  readonly counters = new RequestCounters();
  readonly webhooks = new WebhookRegistry();
  readonly faults: FaultEngine;
  readonly burst: BurstLimiter;
  readonly points: PointsBudget;
  readonly oauth: OAuthStore;
  readonly urls = { gateway: '', auth: '', media: '' };
  readonly mediaSecret = randomBytes(16).toString('hex');
  /** Scoped API tokens (issue #11): token -> account and scopes; they work only through the gateway. */
  readonly scopedApiTokens = new Map<string, { accountId: string; scopes: string[] }>();
  /** Seeded source for the production switches that fire sporadically (issue #11). */
  readonly productionRng: Rng;
  consent: ConsentConfig;
  readonly replyObservers: ReplyObserver[] = [];
  private readonly listeners: MutationListener[] = [];

  constructor(
    readonly options: RuntimeOptions,
    readonly clock: SimClock,
    readonly directory: Map<string, User>,
    readonly known: WellKnownAccounts,
  ) {
    this.faults = new FaultEngine(createSimRng(deriveSeed(options.seed, 'faults')));
    this.productionRng = createSimRng(deriveSeed(options.seed, 'production'));
    this.burst = new BurstLimiter(clock);
    this.points = new PointsBudget(clock);
    this.oauth = new OAuthStore(clock);
    this.consent = { accountId: known.oauthUser.accountId, cloudIds: [], deny: false };
  }

  siteByCloudId(cloudId: string): SiteRuntime | undefined {
    return this.sites.find((site) => site.state.cloudId === cloudId);
  }

  /** Finds an account by email for Basic auth (inactive accounts cannot log in). */
  userByEmail(email: string): User | undefined {
    for (const user of this.directory.values()) if (user.email.toLowerCase() === email.toLowerCase()) return user;
    return undefined;
  }

  onMutation(listener: MutationListener): void {
    this.listeners.push(listener);
  }

  emit(site: SiteState, type: string, payload: Record<string, unknown>): void {
    for (const listener of this.listeners) listener({ site, type, payload });
  }

  /** Signs a short-lived media URL token for an attachment. */
  signMedia(cloudId: string, attachmentId: string, expiresAt: number): string {
    const payload = Buffer.from(JSON.stringify({ c: cloudId, a: attachmentId, e: expiresAt })).toString('base64url');
    return `${payload}.${createHmac('sha256', this.mediaSecret).update(payload).digest('base64url')}`;
  }

  /** Verifies a media token; returns its claims when valid and unexpired. */
  verifyMedia(token: string): { cloudId: string; attachmentId: string } | undefined {
    const [payload, signature] = token.split('.');
    if (!payload || !signature) return undefined;
    if (createHmac('sha256', this.mediaSecret).update(payload).digest('base64url') !== signature) return undefined;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { c: string; a: string; e: number };
    if (claims.e < this.clock.now()) return undefined;
    return { cloudId: claims.c, attachmentId: claims.a };
  }
}
