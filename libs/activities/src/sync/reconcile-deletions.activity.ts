import { Context } from '@temporalio/activity';
import type { TConnectorConfig } from '@jira-sync/contracts';
import type { JiraClient } from '@jira-sync/jira-client';
import type { StoredRef } from '@jira-sync/store';
import type { TActivityDeps, TStoredRecordsPort } from './activity-deps.js';
import { deletionEvent, deletionRevision } from './deletion-events.js';
import { EventBatcher } from './publish-in-batches.js';
import type { TSyncStepInput } from './sync-context.js';
import { projectIssuesJql } from './sync-project-issues.activity.js';
import { mapFailures } from './to-application-failure.js';

/** Candidates re-read per bulkfetch (its own limit). */
const VERIFY_BATCH = 100;
/** Ids a page of ids-only enhanced search carries: Jira's ceiling for `fields=id`. */
const IDS_PAGE = 5_000;

export interface TReconcileDeletionsInput extends TSyncStepInput {
  /** Every project this run listed (in the filter and browsable): anything stored outside them is out of scope. */
  projects: Array<{ id: string; key: string }>;
  /** The listed projects whose stored issues are compared with Jira's ids (those whose sync completed); empty: out-of-scope projects only. */
  reconcileProjectIds: string[];
}

export interface TReconcileDeletionsResult {
  /** Projects the store held that are out of scope now: their project record, roles and issues were deleted. */
  projectsRemoved: string[];
  /** Issues deleted because Jira no longer shows them in scope (deleted, moved out, hidden, outside the dates). */
  issuesDeleted: number;
  rolesDeleted: number;
  /** Issue ids Jira's ids-only pages returned. */
  idsRead: number;
  /** Missing ids re-read with bulkfetch that Jira still shows in scope (moved between listed projects, search lag). */
  kept: number;
}

/**
 * Jira ids as a sorted numeric array (8 bytes an id, so a 100k-issue project costs under 1 MB), non-numeric ids in a
 * set: exact matching only.
 */
class IdSet {
  private numbers = new Float64Array(1024);
  private count = 0;
  private readonly others = new Set<string>();
  private sorted = true;

  add(id: string): void {
    if (!/^\d{1,15}$/.test(id)) {
      this.others.add(id);
      return;
    }
    if (this.count === this.numbers.length) {
      const grown = new Float64Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    this.numbers[this.count++] = Number(id);
    this.sorted = false;
  }

  has(id: string): boolean {
    if (!/^\d{1,15}$/.test(id)) return this.others.has(id);
    if (!this.sorted) {
      this.numbers.subarray(0, this.count).sort();
      this.sorted = true;
    }
    const wanted = Number(id);
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const value = this.numbers[middle]!;
      if (value === wanted) return true;
      if (value < wanted) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }
}

function inDateFilters(fields: Record<string, unknown> | undefined, filters: TConnectorConfig['syncFilters']): boolean {
  const within = (value: unknown, range: { after?: string; before?: string } | undefined) => {
    if (!range) return true;
    const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    // An unreadable date keeps the issue: deleting on doubt would hide a record the account may see.
    if (Number.isNaN(at)) return true;
    return (!range.after || at >= Date.parse(range.after)) && (!range.before || at <= Date.parse(range.before));
  };
  return within(fields?.['created'], filters.created) && within(fields?.['updated'], filters.modified);
}

/**
 * Of stored issues missing from a project's ids, those Jira does not show in scope at all. Bulkfetch reads directly
 * (no search lag): an issue it returns in a listed project within the date filters was moved inside the scope (its
 * upsert carries the new project) and stays; an issue it reports an error for stays too (no deleting on doubt).
 */
async function outOfScope(client: JiraClient, candidates: StoredRef[], listed: ReadonlySet<string>, filters: TConnectorConfig['syncFilters']): Promise<{ gone: StoredRef[]; kept: number }> {
  const { issues, issueErrors } = await client.bulkFetchIssues(candidates.map((candidate) => candidate.externalId), { fields: ['project', 'created', 'updated'] });
  const stays = new Set<string>(issueErrors.map((error) => String(error.id ?? '')));
  for (const issue of issues) {
    const project = issue.fields?.['project'] as { id?: unknown } | undefined;
    if (typeof project?.id === 'string' && listed.has(project.id) && inDateFilters(issue.fields, filters)) stays.add(issue.id);
  }
  const gone = candidates.filter((candidate) => !stays.has(candidate.externalId));
  return { gone, kept: candidates.length - gone.length };
}

const OUT_OF_SCOPE = 'the project is out of scope: removed from the filter, archived or no longer browsable by the syncing account';
const GONE = 'Jira no longer shows the issue in scope: deleted, moved out of the filter, hidden from the syncing account or outside the date filters';

/** The roles and project record of a project out of scope (its issues go while the stored issues are streamed). */
async function deleteProjectRecords(input: TReconcileDeletionsInput, deps: TActivityDeps, stored: TStoredRecordsPort, batcher: EventBatcher, projectId: string, result: TReconcileDeletionsResult): Promise<void> {
  const scope = { tenantId: input.tenantId, connectorId: input.connectorId };
  // Its roles go too: no stored record names them any more, and a project that comes back rewrites them.
  for await (const role of stored.rolesOfProject(scope, projectId)) {
    await batcher.add(deletionEvent(input, 'role', role.externalId, deletionRevision(role.revision, input.generation), OUT_OF_SCOPE, deps.now()));
    result.rolesDeleted++;
  }
  const project = await stored.project(scope, projectId);
  if (project) await batcher.add(deletionEvent(input, 'project', projectId, deletionRevision(project.revision, input.generation), OUT_OF_SCOPE, deps.now()));
}

/**
 * The sync's last step: whatever the store holds that Jira no longer shows in scope is deleted, through `deleted`
 * record events on the issues' own keys (the index app drops an issue's comments, attachments and GridFS content with
 * it). Projects stored but not listed by this run go whole. Each project to reconcile has its ids read with ids-only
 * enhanced search pages (up to 5,000 ids a request); then the connector's stored issues are streamed once and compared
 * by exact id, and the missing ones are re-read with bulkfetch before they are deleted.
 */
export function createReconcileDeletions(deps: TActivityDeps) {
  return async function reconcileDeletions(input: TReconcileDeletionsInput): Promise<TReconcileDeletionsResult> {
    return mapFailures(async () => {
      const result: TReconcileDeletionsResult = { projectsRemoved: [], issuesDeleted: 0, rolesDeleted: 0, idsRead: 0, kept: 0 };
      const stored = deps.storedRecords;
      if (!stored) return result;
      const scope = { tenantId: input.tenantId, connectorId: input.connectorId };
      const listed = new Set(input.projects.map((project) => project.id));
      const batcher = new EventBatcher(deps.recordPublisher);
      const heartbeat = (details: Record<string, unknown>) => {
        try {
          Context.current().heartbeat(details);
        } catch {
          // Outside an activity context (a direct call in a unit test) there is nothing to heartbeat to.
        }
      };

      // Jira's ids of every project to reconcile first (8 bytes an id), then one pass over the stored issues for all
      // projects: an issue of a project no longer listed goes, one of a reconciled project missing from Jira's ids is
      // re-read before it goes.
      const reconcile = new Set(input.reconcileProjectIds.filter((id) => listed.has(id)));
      const jiraIds = new IdSet();
      const opened = reconcile.size > 0 ? await deps.openConnector(input.tenantId, input.connectorId) : undefined;
      if (opened) {
        for (const projectId of reconcile) {
          for await (const id of opened.client.searchIssueIds({ jql: projectIssuesJql(projectId, opened.config.syncFilters), maxResults: IDS_PAGE })) {
            jiraIds.add(id);
            if (++result.idsRead % IDS_PAGE === 0) heartbeat({ projectId, idsRead: result.idsRead });
          }
        }
      }
      const removed = new Set((await stored.projectIds(scope, { issues: false })).filter((projectId) => !listed.has(projectId)));
      let candidates: StoredRef[] = [];
      const settle = async () => {
        if (candidates.length === 0 || !opened) return;
        const { gone, kept } = await outOfScope(opened.client, candidates, listed, opened.config.syncFilters);
        candidates = [];
        result.kept += kept;
        for (const issue of gone) {
          await batcher.add(deletionEvent(input, 'issue', issue.externalId, deletionRevision(issue.revision, input.generation), GONE, deps.now()));
          result.issuesDeleted++;
        }
        heartbeat({ issuesDeleted: result.issuesDeleted });
      };
      for await (const issue of stored.liveIssues(scope)) {
        const projectId = issue.projectId;
        if (projectId === undefined) continue;
        if (!listed.has(projectId)) {
          removed.add(projectId);
          await batcher.add(deletionEvent(input, 'issue', issue.externalId, deletionRevision(issue.revision, input.generation), OUT_OF_SCOPE, deps.now()));
          result.issuesDeleted++;
          continue;
        }
        if (!reconcile.has(projectId) || jiraIds.has(issue.externalId)) continue;
        candidates.push(issue);
        if (candidates.length >= VERIFY_BATCH) await settle();
      }
      await settle();
      for (const projectId of [...removed].sort()) {
        await deleteProjectRecords(input, deps, stored, batcher, projectId, result);
        result.projectsRemoved.push(projectId);
      }
      // Returns only once Kafka acknowledged every deletion.
      await batcher.flush();
      return result;
    });
  };
}
