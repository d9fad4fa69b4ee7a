import { createHash } from 'node:crypto';
import type { TSyncMode } from '@jira-sync/contracts';
import type { ProjectCheckpoint } from '@jira-sync/store';
import type { TActivityDeps } from './activity-deps.js';
import type { TSyncStepInput } from './sync-context.js';
import { mapFailures } from './to-application-failure.js';

/** How far an incremental query reaches back before a checkpoint unless the run says otherwise: absorbs search lag. */
export const DEFAULT_OVERLAP_MS = 5 * 60_000;
/** Jira compares `updated` in JQL at minute precision: a query may return issues up to a minute before its bound. */
const MINUTE_MS = 60_000;
/** At most this many (issue id, updated) pairs per checkpoint; beyond it the oldest are republished, which is harmless. */
const MAX_RECENT = 5_000;

/** Key-sorted JSON, so the same filters always hash the same whatever order their keys were written in. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, entry]) => entry !== undefined);
    return `{${entries.sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)).map(([key, entry]) => `${JSON.stringify(key)}:${stableJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function filtersHash(syncFilters: unknown): string {
  return createHash('sha256').update(stableJson(syncFilters)).digest('hex').slice(0, 16);
}

/**
 * The (issue id, updated) pairs an incremental query after `lastUpdatedMs` can return again: everything updated at
 * or after `lastUpdatedMs - overlap - 1 minute` (the minute covers Jira's minute-precision comparison).
 */
export function recentWindow(pairs: Iterable<{ issueId: string; updatedMs: number }>, lastUpdatedMs: number, overlapMs: number): Array<{ issueId: string; updatedMs: number }> {
  const newest = new Map<string, number>();
  for (const { issueId, updatedMs } of pairs) newest.set(issueId, Math.max(newest.get(issueId) ?? 0, updatedMs));
  const floor = lastUpdatedMs - overlapMs - MINUTE_MS;
  return [...newest]
    .filter(([, updatedMs]) => updatedMs >= floor)
    .sort(([, left], [, right]) => right - left)
    .slice(0, MAX_RECENT)
    .map(([issueId, updatedMs]) => ({ issueId, updatedMs }));
}

export interface TPlanSyncInput extends TSyncStepInput {
  mode: TSyncMode;
  overlapMs?: number;
}

export interface TSyncPlan {
  mode: 'full' | 'incremental';
  /** Why this mode (for diagnostics). */
  reason: string;
  filtersHash: string;
  /** Incremental only: per project id, the `updated` bound of its query (checkpoint minus the overlap). A project not listed syncs fully. */
  updatedFromMs: Record<string, number>;
}

export interface TSaveProjectCheckpointInput extends TSyncStepInput {
  projectId: string;
  /** The largest `updated` the project's run published (0: none). */
  maxUpdatedMs: number;
  /** The (issue id, updated) pairs the run saw near its newest `updated`. */
  recent: Array<{ issueId: string; updatedMs: number }>;
  overlapMs?: number;
}

export interface TSaveSyncStateInput extends TSyncStepInput {
  filtersHash: string;
  /** Set on a completed full sync. */
  fullSyncCompleted: boolean;
}

export function createPlanSync(deps: TActivityDeps) {
  /** Full when asked, when there is no state or checkpoint, or when the filters changed (then the checkpoints go); else incremental. */
  return async function planSync(input: TPlanSyncInput): Promise<TSyncPlan> {
    return mapFailures(async () => {
      const { config } = await deps.openConnector(input.tenantId, input.connectorId);
      const hash = filtersHash(config.syncFilters);
      const syncState = deps.syncState;
      const full = (reason: string): TSyncPlan => ({ mode: 'full', reason, filtersHash: hash, updatedFromMs: {} });
      if (!syncState) return full('no sync state store is configured');
      const state = await syncState.getConnectorState(input.tenantId, input.connectorId);
      if (state && state.filtersHash !== hash) {
        // The old checkpoints describe other filters: a project of this full run that fails must not go incremental next time.
        await syncState.clearProjectCheckpoints(input.tenantId, input.connectorId);
        return full('the sync filters changed since the last sync');
      }
      if (input.mode === 'full') return full('a full sync was requested');
      if (!state) return full('no earlier sync');
      const checkpoints = await syncState.listProjectCheckpoints(input.tenantId, input.connectorId);
      if (checkpoints.length === 0) return full('no project checkpoint yet');
      const overlapMs = input.overlapMs ?? DEFAULT_OVERLAP_MS;
      const updatedFromMs = Object.fromEntries(checkpoints.map((checkpoint) => [checkpoint.projectId, Math.max(0, checkpoint.lastUpdatedMs - overlapMs)]));
      return { mode: 'incremental', reason: 'checkpoints under the same sync filters', filtersHash: hash, updatedFromMs };
    });
  };
}

export function createSaveProjectCheckpoint(deps: TActivityDeps) {
  /**
   * Called once a project's events are all acknowledged by Kafka (the issues activity flushes before it returns).
   * Never moves a checkpoint back: a run that saw nothing new keeps the old one.
   */
  return async function saveProjectCheckpoint(input: TSaveProjectCheckpointInput): Promise<ProjectCheckpoint | null> {
    return mapFailures(async () => {
      const syncState = deps.syncState;
      if (!syncState) return null;
      const previous = await syncState.getProjectCheckpoint(input.tenantId, input.connectorId, input.projectId);
      const lastUpdatedMs = Math.max(previous?.lastUpdatedMs ?? 0, input.maxUpdatedMs);
      const recent = recentWindow([...(previous?.recent ?? []), ...input.recent], lastUpdatedMs, input.overlapMs ?? DEFAULT_OVERLAP_MS);
      const checkpoint = { projectId: input.projectId, lastUpdatedMs, recent };
      await syncState.setProjectCheckpoint(input.tenantId, input.connectorId, checkpoint);
      return checkpoint;
    });
  };
}

export function createSaveSyncState(deps: TActivityDeps) {
  /** At the end of a run that did not fail: the filters it ran under, its generation and, for a completed full sync, when. */
  return async function saveSyncState(input: TSaveSyncStateInput): Promise<void> {
    return mapFailures(async () => {
      const syncState = deps.syncState;
      if (!syncState) return;
      const previous = await syncState.getConnectorState(input.tenantId, input.connectorId);
      const lastFullSyncAt = input.fullSyncCompleted ? deps.now().toISOString() : (previous?.lastFullSyncAt ?? null);
      await syncState.setConnectorState(input.tenantId, input.connectorId, { filtersHash: input.filtersHash, generation: input.generation, lastFullSyncAt });
    });
  };
}
