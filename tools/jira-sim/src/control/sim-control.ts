/** In-process control API (the same operations are served over HTTP under /__sim). */
import { issueScopedApiToken } from '../auth/scoped-token.js';
import type { CounterRow } from '../counters/request-counters.js';
import type { ActiveFault, BurstConfig, FaultRule, PointsConfig } from '../faults/fault-types.js';
import type { GroundTruth, GroundTruthOptions } from '../ground-truth/ground-truth.js';
import { computeGroundTruth } from '../ground-truth/ground-truth.js';
import type { GroundTruthRecord } from '../ground-truth/ground-truth-records.js';
import { streamGroundTruth } from '../ground-truth/ground-truth-records.js';
import type { SiteState } from '../model/site-state.js';
import type { Attachment, Comment, Holder, Issue } from '../model/types.js';
import { addGrant, removeGrant, setEmailVisibility, setGroupMembership, setProjectArchived, setRoleActor, setUserActive } from '../mutations/access-mutations.js';
import { addAttachment, deleteAttachment } from '../mutations/attachment-mutations.js';
import type { AddCommentInput } from '../mutations/comment-mutations.js';
import { addComment, deleteComment, updateComment } from '../mutations/comment-mutations.js';
import type { CreateIssueInput, UpdateIssueInput } from '../mutations/issue-mutations.js';
import { createIssue, deleteIssue, moveIssue, updateIssue } from '../mutations/issue-mutations.js';
import type { SiteRef } from '../mutations/mutation-context.js';
import { siteOf } from '../mutations/mutation-context.js';
import type { ConsentConfig } from '../oauth/consent.js';
import type { TokenGrant } from '../oauth/oauth-store.js';
import type { TokenPolicy } from '../oauth/oauth-types.js';
import { runAutomation } from '../runtime/automation.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';
import type { WebhookDelivery } from '../webhooks/webhook-registry.js';

export interface SimControl {
  clock: { now(): number; advance(ms: number): number; set(epochMs: number): number };
  faults: {
    add(rule: FaultRule): ActiveFault;
    remove(id: number): boolean;
    clear(): void;
    list(): ActiveFault[];
    burst(config: BurstConfig): void;
    points(config: PointsConfig): void;
    expireAccessTokens(): number;
  };
  counters: { snapshot(): CounterRow[]; total(filter?: Partial<Pick<CounterRow, 'cloudId' | 'method' | 'path' | 'credential'>>): number; reset(): void };
  sites: { /** Suspends (or resumes) a site: every Jira call on it answers 503. */ setSuspended(suspended: boolean, ref?: SiteRef): void };
  search: { lagMs(): number; setLagMs(ms: number): void; /** Share of later writes (0..1, seeded) that lag; 1 = every write. */ setLagShare(share: number): void };
  issues: {
    create(input: CreateIssueInput): Issue;
    update(idOrKey: string, input: UpdateIssueInput): Issue;
    move(idOrKey: string, input: SiteRef & { toProjectKey: string }): Issue;
    delete(idOrKey: string, input?: SiteRef): void;
  };
  comments: { add(issueIdOrKey: string, input: AddCommentInput): Comment; update(commentId: string, input: Parameters<typeof updateComment>[2]): Comment; delete(commentId: string, input?: SiteRef): void };
  attachments: { add(issueIdOrKey: string, input: Parameters<typeof addAttachment>[2]): Attachment; delete(attachmentId: string, input?: SiteRef): void };
  access: {
    addGrant(input: SiteRef & { schemeId: number; permission: string; holder: Holder }): number;
    removeGrant(input: SiteRef & { grantId: number }): void;
    setGroupMembership(input: SiteRef & { groupId: string; accountId: string; member: boolean }): void;
    setRoleActor(input: Parameters<typeof setRoleActor>[1]): void;
    setEmailVisibility(accountId: string, visible: boolean): void;
    setUserActive(accountId: string, active: boolean): void;
    setProjectArchived(input: SiteRef & { projectKey: string; archived: boolean }): void;
    /** A scoped API token (Basic email:token): 401 on the site host, served through the gateway `/ex/jira/{cloudId}`. */
    issueScopedApiToken(input?: { accountId?: string; scopes?: string[] }): { email: string; apiToken: string; scopes: string[] };
  };
  oauth: {
    /** Mints tokens without the browser dance (defaults: the OAuth user, the client's scopes, every site it can use). */
    issueTokens(input?: { accountId?: string; scopes?: string[]; cloudIds?: string[] }): TokenGrant;
    setConsent(consent: Partial<ConsentConfig>): void;
    setPolicy(policy: Partial<TokenPolicy>): void;
    /** The app's developer-console settings: its registered callback URLs and configured scopes (replaced as given). */
    configureClient(settings: { redirectUris?: string[]; scopes?: string[] }): void;
  };
  /** Shorthand for oauth.issueTokens. */
  issueOAuthTokens(input?: { accountId?: string; scopes?: string[]; cloudIds?: string[] }): TokenGrant;
  webhooks: { deliveries(): WebhookDelivery[]; flush(): Promise<void> };
  /** Raw state of a site (tests may read it; write through the methods above). */
  site(cloudId?: string): SiteState;
  groundTruth(cloudId?: string, options?: GroundTruthOptions): GroundTruth;
  /** The ground truth as records (site, users, groups, projects, then issues with their comments and attachments); flat memory at any size. */
  groundTruthStream(cloudId?: string, options?: GroundTruthOptions): AsyncIterable<GroundTruthRecord>;
}

export function createSimControl(runtime: SimRuntime, flushWebhooks: () => Promise<void>): SimControl {
  const client = (): { clientId: string; scopes: string[] } => {
    const first = [...runtime.oauth.clients.values()][0];
    if (!first) throw new Error('No OAuth client is configured.');
    return first;
  };
  const issueTokens = (input: { accountId?: string; scopes?: string[]; cloudIds?: string[] } = {}): TokenGrant => {
    const app = client();
    const accountId = input.accountId ?? runtime.consent.accountId;
    const cloudIds = input.cloudIds ?? runtime.sites.filter((site) => site.state.licensedAccountIds.has(accountId)).map((site) => site.state.cloudId);
    return runtime.oauth.grantTokens({ clientId: app.clientId, accountId, scopes: input.scopes ?? app.scopes, cloudIds });
  };
  return {
    clock: { now: () => runtime.clock.now(), advance: (ms) => runtime.clock.advance(ms), set: (epochMs) => runtime.clock.set(epochMs) },
    faults: {
      add: (rule) => runtime.faults.add(rule),
      remove: (id) => runtime.faults.remove(id),
      clear: () => {
        runtime.faults.clear();
        runtime.burst.configure({ enabled: false, capacity: 100 });
        runtime.points.configure({ enabled: false, quotaPerHour: 65_000, betaOnly: false });
      },
      list: () => runtime.faults.list(),
      burst: (config) => runtime.burst.configure(config),
      points: (config) => runtime.points.configure(config),
      expireAccessTokens: () => runtime.oauth.expireAllAccessTokens(),
    },
    counters: { snapshot: () => runtime.counters.snapshot(), total: (filter) => runtime.counters.total(filter), reset: () => runtime.counters.reset() },
    sites: {
      setSuspended: (suspended, ref) => {
        siteOf(runtime, ref).suspended = suspended;
      },
    },
    search: {
      lagMs: () => runtime.sites[0]?.search.lagMs ?? 0,
      setLagMs: (ms) => {
        for (const site of runtime.sites) site.search.lagMs = ms;
      },
      setLagShare: (share) => {
        if (!(share >= 0 && share <= 1)) throw new Error('The lag share is a number from 0 to 1.');
        for (const site of runtime.sites) site.search.share = share;
      },
    },
    issues: {
      create: (input) => createIssue(runtime, input),
      update: (idOrKey, input) => updateIssue(runtime, idOrKey, input),
      move: (idOrKey, input) => moveIssue(runtime, idOrKey, input),
      delete: (idOrKey, input) => deleteIssue(runtime, idOrKey, input),
    },
    comments: { add: (issue, input) => addComment(runtime, issue, input), update: (id, input) => updateComment(runtime, id, input), delete: (id, input) => deleteComment(runtime, id, input) },
    attachments: { add: (issue, input) => addAttachment(runtime, issue, input), delete: (id, input) => deleteAttachment(runtime, id, input) },
    access: {
      addGrant: (input) => addGrant(runtime, input),
      removeGrant: (input) => removeGrant(runtime, input),
      setGroupMembership: (input) => setGroupMembership(runtime, input),
      setRoleActor: (input) => setRoleActor(runtime, input),
      setEmailVisibility: (accountId, visible) => setEmailVisibility(runtime, accountId, visible),
      setUserActive: (accountId, active) => setUserActive(runtime, accountId, active),
      setProjectArchived: (input) => setProjectArchived(runtime, input),
      issueScopedApiToken: (input) => issueScopedApiToken(runtime, input),
    },
    oauth: {
      issueTokens,
      setConsent: (consent) => {
        runtime.consent = { ...runtime.consent, ...consent };
      },
      setPolicy: (policy) => Object.assign(runtime.oauth.policy, policy),
      configureClient: (settings) => {
        const app = [...runtime.oauth.clients.values()][0];
        if (!app) throw new Error('No OAuth client is configured.');
        if (settings.redirectUris) app.redirectUris = [...settings.redirectUris];
        if (settings.scopes) app.scopes = [...settings.scopes];
      },
    },
    issueOAuthTokens: issueTokens,
    webhooks: { deliveries: () => [...runtime.webhooks.deliveries], flush: flushWebhooks },
    site: (cloudId) => siteOf(runtime, { cloudId }).state,
    groundTruth: (cloudId, options) => {
      runAutomation(runtime);
      return computeGroundTruth(siteOf(runtime, { cloudId }).state, options);
    },
    groundTruthStream: (cloudId, options) => {
      runAutomation(runtime);
      return streamGroundTruth(siteOf(runtime, { cloudId }).state, options);
    },
  };
}
