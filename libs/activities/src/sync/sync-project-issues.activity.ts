import { setImmediate } from 'node:timers/promises';
import { buildSyncJql, parseJiraTimestamp, JiraAttachmentTooLargeError, JiraError, type JiraClient, type TComment } from '@jira-sync/jira-client';
import type { TAcl, TAttachmentContent, TConnectorConfig, TProjectRecord } from '@jira-sync/contracts';
import { adfToMarkdown } from '@jira-sync/adf';
import pLimit, { type LimitFunction } from 'p-limit';
import { projectAcl } from '../acl/resolve-acl.js';
import { mapIssue, SYSTEM_FIELDS } from '../issues/map-issue.js';
import { openRunAccess } from '../projects/run-access.js';
import type { TActivityDeps } from './activity-deps.js';
import { addIssueAcls, extraBrowseAcl, resumeCursor, snapshotCursor, startHeartbeats, type TIssueCounts, type TIssuesCursor } from './issue-cursor.js';
import { EventBatcher } from './publish-in-batches.js';
import { recordEvent } from './record-events.js';
import { DEFAULT_OVERLAP_MS, recentWindow } from './sync-checkpoint.activity.js';
import type { TSyncStepInput } from './sync-context.js';
import { mapFailures } from './to-application-failure.js';

export interface TSyncProjectIssuesInput extends TSyncStepInput {
  projectId: string;
  projectKey: string;
  /** Where the previous chunk stopped (its result's `cursor`); absent: from the first page. */
  cursor?: TIssuesCursor;
  /** At most this many pages in this call, then return a cursor (chunks for continue-as-new); absent: all pages. */
  maxPages?: number;
  /**
   * Incremental: only issues with `updated >=` this (epoch ms; the checkpoint minus the overlap), skipping those the
   * checkpoint says were published at the same `updated`, and no project record. Absent: every issue (full).
   */
  updatedFromMs?: number;
  /** The overlap the checkpoint's (issue id, updated) window must cover; default DEFAULT_OVERLAP_MS. */
  overlapMs?: number;
}

/** Counts are the project's so far (earlier chunks included). */
export interface TSyncProjectIssuesResult extends TIssueCounts {
  /** The (issue id, updated) pairs seen near `maxUpdatedMs`: saved with the checkpoint so the next overlap skips them. */
  recent: Array<{ issueId: string; updatedMs: number }>;
  /** Issues the incremental overlap returned unchanged since they were published (not republished). */
  unchanged: number;
  problems: string[];
  /** Set when the call stopped at `maxPages` with pages left: pass it back as the next call's `cursor`. */
  cursor?: TIssuesCursor;
}

/** The JQL of one project's issues under the connector's date filters (epoch ms literals: no time-zone trap). */
export function projectIssuesJql(projectId: string, filters: TConnectorConfig['syncFilters'], updatedFromMs?: number): string {
  const range = (filter: { after?: string; before?: string } | undefined) =>
    filter ? { ...(filter.after ? { from: Date.parse(filter.after) } : {}), ...(filter.before ? { to: Date.parse(filter.before) } : {}) } : undefined;
  const created = range(filters.created);
  let updated = range(filters.modified);
  // Incremental: the later of the connector's own modified-after and the checkpoint's bound.
  if (updatedFromMs !== undefined) updated = { ...updated, from: Math.max(updated?.from ?? 0, updatedFromMs) };
  return buildSyncJql({ projectsIn: [projectId], ...(created ? { created } : {}), ...(updated ? { updated } : {}) });
}

/** Attachment downloads and truncated-comment reads one project step runs at once when the deps do not say. */
const DEFAULT_CONTENT_CONCURRENCY = 4;

async function allComments(client: JiraClient, issueId: string, embedded: unknown, limit: LimitFunction): Promise<TComment[]> {
  const page = embedded as { comments?: TComment[]; total?: number } | undefined;
  const comments = page?.comments ?? [];
  // Search embeds at most 20 comments; only issues with more are read again, from their own endpoint.
  if (page && typeof page.total === 'number' && page.total <= comments.length) return comments;
  if (!page) return comments;
  return limit(async () => {
    const all: TComment[] = [];
    for await (const comment of client.comments(issueId)) all.push(comment);
    return all;
  });
}

/**
 * Every promise's value, in order. On the first rejection the limiter's queue is dropped (what has not started never
 * starts), the running ones are waited for, and that first rejection is thrown: a failed page leaves no download
 * running behind the activity's back and no rejection unhandled.
 */
async function settledInOrder<T>(promises: ReadonlyArray<Promise<T>>, limit: LimitFunction): Promise<T[]> {
  let failure: { reason: unknown } | undefined;
  const watched = promises.map((promise) =>
    promise.catch((reason: unknown) => {
      if (!failure) {
        failure = { reason };
        limit.clearQueue();
      }
      throw reason;
    }),
  );
  const settled = await Promise.allSettled(watched);
  if (failure) throw failure.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<T>).value);
}

interface TStoredContent {
  content: TAttachmentContent;
  /** From the download's redirect: how the file maps to the description or comment that shows it. */
  mediaId?: string;
}

async function storeContent(
  deps: TActivityDeps,
  client: JiraClient,
  input: TSyncProjectIssuesInput,
  attachment: { attachmentId: string; size: number },
  config: TConnectorConfig,
): Promise<TStoredContent> {
  if (!config.indexingFilters.attachments) return { content: { state: 'skipped', reason: 'attachment indexing is off for this connector' } };
  if (!deps.attachments) return { content: { state: 'skipped', reason: 'no attachment store configured' } };
  if (attachment.size > config.attachmentMaxBytes) {
    return { content: { state: 'skipped', reason: `larger than the connector's attachment cap (${attachment.size} > ${config.attachmentMaxBytes} bytes)` } };
  }
  try {
    const download = await client.downloadAttachment(attachment.attachmentId, { maxBytes: config.attachmentMaxBytes });
    const content = await deps.attachments.put({ tenantId: input.tenantId, connectorId: input.connectorId }, attachment.attachmentId, download.body, { maxBytes: config.attachmentMaxBytes });
    return { content, ...(download.mediaId ? { mediaId: download.mediaId } : {}) };
  } catch (error) {
    if (error instanceof JiraAttachmentTooLargeError) return { content: { state: 'skipped', reason: `larger than the connector's attachment cap (${config.attachmentMaxBytes} bytes)` } };
    if (error instanceof JiraError && !error.retryable) return { content: { state: 'skipped', reason: `Jira refused the content: ${error.message}` } };
    throw error;
  }
}

function countsOf(cursor: TIssuesCursor): Omit<TSyncProjectIssuesResult, 'problems' | 'cursor'> {
  const { issues, comments, attachments, attachmentBytes, closedAcls, maxUpdatedMs } = cursor;
  return { issues, comments, attachments, attachmentBytes, closedAcls, maxUpdatedMs, recent: cursor.recent ?? [], unchanged: cursor.unchanged ?? 0 };
}

/**
 * What an incremental run may skip: the checkpoint's (issue id, updated) pairs. Why pairs and not "updated <=
 * checkpoint": Jira compares JQL dates at minute precision and search lags behind writes, so an issue updated before
 * the checkpoint may only become searchable now; it is skipped only if this exact revision was published before.
 * Any newer `updated` of the same issue (an edited or deleted comment bumps it) is published again.
 */
async function publishedRevisions(deps: TActivityDeps, input: TSyncProjectIssuesInput): Promise<ReadonlyMap<string, number>> {
  if (input.updatedFromMs === undefined || !deps.syncState) return new Map();
  const checkpoint = await deps.syncState.getProjectCheckpoint(input.tenantId, input.connectorId, input.projectId);
  return new Map((checkpoint?.recent ?? []).map((pair) => [pair.issueId, pair.updatedMs]));
}

/**
 * Step 6, one project: pages its issues through enhanced search (100 a page, exactly the fields the records need),
 * reads more comments only for issues whose embedded list is truncated, resolves every ACL, publishes issue, comment
 * and attachment events (bytes streamed to the attachment store, never into Kafka), then the project record.
 */
const MAX_REPORTED_CUTS = 20;

export function createSyncProjectIssues(deps: TActivityDeps) {
  return async function syncProjectIssues(input: TSyncProjectIssuesInput): Promise<TSyncProjectIssuesResult> {
    return mapFailures(async () => {
      const run = await openRunAccess(deps, input);
      const { client, config } = run.opened;
      const loaded = await run.project({ id: input.projectId, key: input.projectKey });
      // What mapping had to cut to fit a record under the size limits, named per issue for the outcome (bounded, so a
      // pathological project cannot grow the workflow history).
      const cuts: string[] = [];
      let cutsLeftOut = 0;
      const problems = () => [...loaded.problems, ...cuts, ...(cutsLeftOut > 0 ? [`${cutsLeftOut} more issues had texts truncated to fit the record size limit`] : [])];
      const fieldInfo = await run.fields();
      const customFieldIds = [...fieldInfo.keys()].filter((id) => id.startsWith('customfield_'));
      const context = { siteUrl: config.siteUrl, project: { id: input.projectId, key: input.projectKey }, access: loaded.access, fields: fieldInfo };

      const batcher = new EventBatcher(deps.recordPublisher);
      // Resume: a retried attempt starts at its predecessor's last heartbeat, a next chunk at the input cursor.
      const result = resumeCursor(input.cursor);
      const chunkStart = input.cursor?.pages ?? 0;
      const listingDone = result.pages > 0 && !result.pageToken;
      const baseBrowse = new Set(projectAcl(loaded.access).browse);
      const now = deps.now();
      const indexIssues = config.indexingFilters.issues;
      const jql = projectIssuesJql(input.projectId, config.syncFilters, input.updatedFromMs);
      const published = await publishedRevisions(deps, input);
      const overlapMs = input.overlapMs ?? DEFAULT_OVERLAP_MS;
      const heartbeats = startHeartbeats(result);
      const limit = pLimit({ concurrency: deps.contentConcurrency ?? DEFAULT_CONTENT_CONCURRENCY, rejectOnClear: true });
      let acknowledged: Promise<void> = Promise.resolve();
      try {
        const pages = listingDone
          ? []
          : client.searchIssuePages({ jql, fields: [...SYSTEM_FIELDS, ...customFieldIds], maxResults: 100, ...(result.pageToken ? { startToken: result.pageToken } : {}) });
        for await (const page of pages) {
          const pageAcls: TAcl[] = [];
          const seen: Array<{ issueId: string; updatedMs: number }> = [];
          const fresh: typeof page.values = [];
          for (const raw of page.values) {
            const rawUpdated = raw.fields?.updated;
            const updatedMs = typeof rawUpdated === 'string' ? parseJiraTimestamp(rawUpdated) : undefined;
            if (updatedMs !== undefined) seen.push({ issueId: raw.id, updatedMs });
            if (updatedMs !== undefined && published.get(raw.id) === updatedMs) {
              result.unchanged = (result.unchanged ?? 0) + 1;
              continue;
            }
            fresh.push(raw);
          }
          // Truncated comment lists are read a few at a time, then each issue is mapped and its attachments start
          // streaming (bounded by the same limiter) while the next issues are mapped; events keep the page's order.
          const comments = await settledInOrder(fresh.map((raw) => allComments(client, raw.id, raw.fields?.comment, limit)), limit);
          const issues: Array<{ raw: (typeof fresh)[number]; mapped: ReturnType<typeof mapIssue>; stores: Array<Promise<TStoredContent>> }> = [];
          for (const [index, raw] of fresh.entries()) {
            const mapped = mapIssue(raw, comments[index]!, context);
            for (const problem of mapped.problems) {
              if (cuts.length < MAX_REPORTED_CUTS) cuts.push(problem);
              else cutsLeftOut += 1;
            }
            const stores = mapped.attachments.map((attachment) => limit(() => storeContent(deps, client, input, attachment, config)));
            issues.push({ raw, mapped, stores });
            // Lets the downloads just queued start (and stream) while the next issues are mapped.
            if (stores.length > 0) await setImmediate();
          }
          const stored = await settledInOrder(issues.flatMap((issue) => issue.stores), limit);
          // The previous page's events are acknowledged (and its position heartbeated) before this page's go out.
          await acknowledged;
          let next = 0;
          for (const { raw, mapped } of issues) {
            pageAcls.push(mapped.issue.acl);
            if (mapped.issue.acl.unresolved) result.closedAcls += 1;
            const options = { orderingId: raw.id, updatedMs: mapped.updatedMs, now };
            await batcher.add(recordEvent(input, 'issue', raw.id, mapped.issue, { ...options, indexable: indexIssues }));
            for (const comment of mapped.comments) {
              await batcher.add(recordEvent(input, 'comment', comment.commentId, comment, { ...options, indexable: indexIssues }));
            }
            for (const attachment of mapped.attachments) {
              const content = stored[next++]!;
              const owner = content.mediaId ? mapped.mediaOwners.get(content.mediaId) : undefined;
              const record = {
                ...attachment,
                ...(content.mediaId ? { mediaId: content.mediaId } : {}),
                ...(owner ? { placement: owner.placement, acl: owner.acl, ...(owner.commentId ? { commentId: owner.commentId } : {}) } : {}),
                content: content.content,
              };
              if (content.content.state === 'stored') result.attachmentBytes += content.content.bytes;
              await batcher.add(recordEvent(input, 'attachment', attachment.attachmentId, record, { ...options, indexable: config.indexingFilters.attachments }));
            }
            result.issues += 1;
            result.comments += mapped.comments.length;
            result.attachments += mapped.attachments.length;
            result.maxUpdatedMs = Math.max(result.maxUpdatedMs, mapped.updatedMs);
          }
          addIssueAcls(result, baseBrowse, pageAcls);
          for (const pair of seen) result.maxUpdatedMs = Math.max(result.maxUpdatedMs, pair.updatedMs);
          result.recent = recentWindow([...(result.recent ?? []), ...seen], result.maxUpdatedMs, overlapMs);
          result.pages += 1;
          if (page.nextPageToken) result.pageToken = page.nextPageToken;
          else delete result.pageToken;
          // The position moves on only once Kafka acknowledged the page (a retry re-publishes at most this page); the
          // next page is read and mapped meanwhile, so at most one page is in flight.
          const position = snapshotCursor(result);
          acknowledged = batcher.flush().then(() => heartbeats.beat(position));
          acknowledged.catch(() => undefined);
          if (result.pageToken && input.maxPages !== undefined && result.pages - chunkStart >= input.maxPages) {
            await acknowledged;
            return { ...countsOf(result), problems: problems(), cursor: result };
          }
        }
        await acknowledged;
      } finally {
        // A failure while the previous page was still being published: let its acknowledgement (and heartbeat) land.
        await acknowledged.catch(() => undefined);
        heartbeats.stop();
      }
      // An incremental run saw only the changed issues: a project ACL built from them would lose the others' share.
      if (input.updatedFromMs !== undefined) return { ...countsOf(result), problems: problems() };

      let projectDescription = '';
      let lead: string | undefined;
      let category: { id: string; name: string } | undefined;
      let projectName = input.projectKey;
      let projectTypeKey: string | undefined;
      const project = await run.details(input.projectKey);
      if (project) {
        const loose = project as { description?: unknown; lead?: { accountId?: string }; projectCategory?: { id?: string; name?: string } };
        projectName = project.name;
        projectTypeKey = project.projectTypeKey;
        projectDescription = typeof loose.description === 'string' ? loose.description : adfToMarkdown(loose.description ?? null).markdown;
        lead = loose.lead?.accountId;
        if (loose.projectCategory?.id && loose.projectCategory.name) category = { id: loose.projectCategory.id, name: loose.projectCategory.name };
      }
      const record: TProjectRecord = {
        projectId: input.projectId,
        key: input.projectKey,
        name: projectName,
        descriptionMarkdown: projectDescription,
        ...(lead ? { leadAccountId: lead } : {}),
        ...(category ? { category } : {}),
        ...(projectTypeKey ? { projectTypeKey } : {}),
        browseUrl: `${config.siteUrl.replace(/\/$/, '')}/browse/${encodeURIComponent(input.projectKey)}`,
        ...(loaded.permissionSchemeId ? { permissionSchemeId: loaded.permissionSchemeId } : {}),
        ...(loaded.issueSecuritySchemeId ? { issueSecuritySchemeId: loaded.issueSecuritySchemeId } : {}),
        acl: projectAcl(loaded.access, [extraBrowseAcl(result)]),
      };
      await batcher.add(recordEvent(input, 'project', input.projectId, record, { updatedMs: result.maxUpdatedMs, indexable: true, now }));
      await batcher.flush();
      return { ...countsOf(result), problems: problems() };
    });
  };
}
