import type { TAcl } from '@jira-sync/contracts';
import { Context } from '@temporalio/activity';

/**
 * Where a project's issue paging stands: the token of the next page to read and what the pages before it added up
 * to. The activity heartbeats it after every page Kafka acknowledged, returns it when it stops after its page budget,
 * and takes it back as input (next chunk) or from its last heartbeat (retry after a killed worker).
 */
/** What a project's issues step has read so far, in the cursor and in the step's result alike. */
export interface TIssueCounts {
  issues: number;
  comments: number;
  attachments: number;
  attachmentBytes: number;
  closedAcls: number;
  /** The largest `updated` seen (epoch ms): the project's incremental checkpoint once Kafka acknowledged. */
  maxUpdatedMs: number;
}

export interface TIssuesCursor extends TIssueCounts {
  /** The next page's token; absent before the first page. */
  pageToken?: string;
  pages: number;
  /**
   * The project ACL's share of the issues read so far: the Browse principals their ACLs add beyond the project's
   * own Browse/Administer holders (reporters, assignees, user-picker fields), sorted. All `projectAcl` needs of them.
   */
  extraBrowse: string[];
  /** The (issue id, updated) pairs seen near `maxUpdatedMs` (the next checkpoint's window). */
  recent?: Array<{ issueId: string; updatedMs: number }>;
  /** Issues an incremental run skipped because the checkpoint had them at the same `updated`. */
  unchanged?: number;
}

export function emptyCursor(): TIssuesCursor {
  return { pages: 0, issues: 0, comments: 0, attachments: 0, attachmentBytes: 0, closedAcls: 0, maxUpdatedMs: 0, extraBrowse: [] };
}

function isCursor(value: unknown): value is TIssuesCursor {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<TIssuesCursor>;
  return typeof candidate.pages === 'number' && typeof candidate.issues === 'number' && Array.isArray(candidate.extraBrowse);
}

/**
 * The cursor to start from: the last heartbeat of an earlier attempt of this same activity (it is further on than
 * the input), else the chunk's input cursor, else the start.
 */
export function resumeCursor(input: TIssuesCursor | undefined): TIssuesCursor {
  const details: unknown = Context.current().info.heartbeatDetails;
  if (isCursor(details) && details.pages >= (input?.pages ?? 0)) return { ...details, extraBrowse: [...details.extraBrowse] };
  return input ? { ...input, extraBrowse: [...input.extraBrowse] } : emptyCursor();
}

/** A copy that later pages cannot change (the live cursor's counts move while a published page awaits its ack). */
export function snapshotCursor(cursor: TIssuesCursor): TIssuesCursor {
  return { ...cursor, extraBrowse: [...cursor.extraBrowse], ...(cursor.recent ? { recent: [...cursor.recent] } : {}) };
}

/** The pseudo-ACL that stands for every issue ACL read so far when `projectAcl` builds the project record's. */
export function extraBrowseAcl(cursor: TIssuesCursor): TAcl {
  return { browse: cursor.extraBrowse, level: [], visibility: [] };
}

/** Adds a page's issue ACLs to the cursor's summary, keeping only principals the project's own ACL lacks. */
export function addIssueAcls(cursor: TIssuesCursor, base: ReadonlySet<string>, acls: readonly TAcl[]): void {
  const extra = new Set(cursor.extraBrowse);
  for (const acl of acls) for (const principal of acl.browse) if (!base.has(principal)) extra.add(principal);
  cursor.extraBrowse = [...extra].sort();
}

/**
 * Heartbeats the latest cursor now and then on a timer, so a page that waits inside jira-client (a 429's
 * Retry-After, a retried 503, a large attachment) never looks like a dead worker; `beat` records a new position and
 * heartbeats it at once. Temporal throttles heartbeats itself, so the timer may be generous.
 */
export function startHeartbeats(initial: TIssuesCursor): { beat(cursor: TIssuesCursor): void; stop(): void } {
  const context = Context.current();
  // Snapshots only: the SDK may serialize a throttled heartbeat later, and the live cursor's counts move mid-page.
  const snapshot = snapshotCursor;
  let latest = snapshot(initial);
  const timeoutMs = context.info.heartbeatTimeoutMs;
  const everyMs = Math.max(1_000, Math.min(30_000, timeoutMs ? Math.floor(timeoutMs / 3) : 30_000));
  const timer = setInterval(() => context.heartbeat(latest), everyMs);
  timer.unref();
  return {
    beat(cursor) {
      latest = snapshot(cursor);
      context.heartbeat(latest);
    },
    stop() {
      clearInterval(timer);
    },
  };
}
