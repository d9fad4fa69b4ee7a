/**
 * Eventual consistency of search: remembers what each changed issue looked like before a write, so searches see the
 * index as it was `lagMs` ago (seconds or hours). With `share` below 1 only that seeded share of writes lags, the rest
 * is searchable at once, as in Jira where some issues a webhook announces are not yet indexed when it arrives.
 * Direct reads (GET issue, bulkfetch) always see the current state.
 */
import type { SiteState } from '../model/site-state.js';
import type { Issue } from '../model/types.js';
import type { Rng } from '../util/rng.js';

interface Change {
  at: number;
  before: Issue | null;
}

export class SearchHistory {
  private readonly changes = new Map<string, Change[]>();

  constructor(
    public lagMs: number,
    /** Share of writes (0..1) that lag; the others are indexed at once. */
    public share = 1,
    private readonly rng?: Rng,
  ) {}

  /** Records that `issueId` changed at `at`; `before` is its prior state (null if it did not exist). */
  record(issueId: string, before: Issue | null, at: number): void {
    if (this.lagMs <= 0) return;
    if (this.share < 1 && !(this.rng?.chance(this.share) ?? false)) return;
    const list = this.changes.get(issueId) ?? [];
    list.push({ at, before: before ? structuredClone(before) : null });
    this.changes.set(issueId, list);
  }

  /** Whether some write is still invisible to search at `now`. */
  hasPending(now: number): boolean {
    if (this.lagMs <= 0) return false;
    for (const list of this.changes.values()) if (list.some((change) => change.at > now - this.lagMs)) return true;
    return false;
  }

  /** Issues as the search index sees them at `now`; ids in `reconcile` are read fresh. */
  indexedIssues(site: SiteState, now: number, reconcile: Set<string>): Issue[] {
    if (this.lagMs <= 0 || this.changes.size === 0) return [...site.issues.values()];
    const horizon = now - this.lagMs;
    this.prune(horizon);
    const out: Issue[] = [];
    for (const issue of site.issues.values()) {
      const seen = reconcile.has(issue.id) ? issue : this.stale(issue.id, horizon, issue);
      if (seen) out.push(seen);
    }
    for (const [id] of this.changes) {
      if (site.issues.has(id) || reconcile.has(id)) continue;
      const seen = this.stale(id, horizon, null);
      if (seen) out.push(seen);
    }
    return out;
  }

  private stale(id: string, horizon: number, current: Issue | null): Issue | null {
    const list = this.changes.get(id);
    const pending = list?.find((change) => change.at > horizon);
    return pending ? pending.before : current;
  }

  private prune(horizon: number): void {
    for (const [id, list] of this.changes) {
      const kept = list.filter((change) => change.at > horizon);
      if (kept.length === 0) this.changes.delete(id);
      else if (kept.length !== list.length) this.changes.set(id, kept);
    }
  }
}
