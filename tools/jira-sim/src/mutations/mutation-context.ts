/** Shared plumbing for mutations: resolve the site, remember the pre-write state for search lag, bump versions. */
import type { AuditRecord } from '../audit/audit-record.js';
import { findIssue } from '../model/site-state.js';
import type { Issue } from '../model/types.js';
import type { SimRuntime, SiteRuntime } from '../runtime/sim-runtime.js';

export interface SiteRef {
  /** Defaults to the first site. */
  cloudId?: string;
}

export function siteOf(runtime: SimRuntime, ref: SiteRef = {}): SiteRuntime {
  const site = ref.cloudId ? runtime.siteByCloudId(ref.cloudId) : runtime.sites[0];
  if (!site) throw new Error(`Unknown cloudId '${ref.cloudId ?? ''}'.`);
  return site;
}

export function issueOf(site: SiteRuntime, idOrKey: string): Issue {
  const issue = findIssue(site.state, idOrKey);
  if (!issue) throw new Error(`No issue '${idOrKey}' on site ${site.state.name}.`);
  return issue;
}

/** Marks the site changed and records the issue's prior state for eventually consistent search. */
export function touchIssue(runtime: SimRuntime, site: SiteRuntime, issueId: string, before: Issue | null): number {
  const now = runtime.clock.now();
  site.search.record(issueId, before, now);
  site.state.version += 1;
  site.state.childIndex = undefined;
  return now;
}

/** Appends an audit record stamped with the simulator clock. */
export function audit(runtime: SimRuntime, site: SiteRuntime, record: Omit<AuditRecord, 'id' | 'created' | 'eventSource' | 'authorAccountId'> & { authorAccountId?: string }): void {
  site.state.audit.push({
    eventSource: 'Jira',
    authorAccountId: record.authorAccountId ?? runtime.known.admin.accountId,
    ...record,
    id: site.state.nextIds.audit++,
    created: runtime.clock.now(),
  });
  site.state.version += 1;
}
