import { ZConnectorConfigSchema } from '@jira-sync/contracts';
import type { ConnectorSyncState, ProjectCheckpoint } from '@jira-sync/store';
import { describe, expect, it } from 'vitest';
import type { TActivityDeps } from './activity-deps.js';
import { createPlanSync, createSaveProjectCheckpoint, createSaveSyncState, recentWindow } from './sync-checkpoint.activity.js';

function memoryState() {
  let connector: ConnectorSyncState | null = null;
  const projects = new Map<string, ProjectCheckpoint>();
  return {
    getConnectorState: async () => connector,
    setConnectorState: async (_tenant: string, _connector: string, state: ConnectorSyncState) => void (connector = state),
    getProjectCheckpoint: async (_tenant: string, _connector: string, projectId: string) => projects.get(projectId) ?? null,
    setProjectCheckpoint: async (_tenant: string, _connector: string, checkpoint: ProjectCheckpoint) => void projects.set(checkpoint.projectId, checkpoint),
    listProjectCheckpoints: async () => [...projects.values()],
    clearProjectCheckpoints: async () => {
      const count = projects.size;
      projects.clear();
      return count;
    },
  };
}

function depsWith(filters: Record<string, unknown>, syncState = memoryState()) {
  const config = ZConnectorConfigSchema.parse({ tenantId: 't', connectorId: 'c', siteUrl: 'https://acme.example.test', authMethod: 'api_token', syncFilters: filters });
  const deps = { openConnector: async () => ({ config, client: {} }), recordPublisher: { publish: async () => undefined }, now: () => new Date(0), syncState } as unknown as TActivityDeps;
  return { deps, syncState };
}

const step = { tenantId: 't', connectorId: 'c', generation: 1, syncRunId: 'r' };

describe('planSync, saveProjectCheckpoint and saveSyncState (issue #9)', () => {
  it('plans full without state, incremental from checkpoints minus the overlap once a run saved them, full again when asked', async () => {
    const { deps } = depsWith({});
    expect((await createPlanSync(deps)({ ...step, mode: 'auto' })).mode).toBe('full');
    const plan = await createPlanSync(deps)({ ...step, mode: 'full' });
    await createSaveProjectCheckpoint(deps)({ ...step, projectId: 'p1', maxUpdatedMs: 1_000_000, recent: [{ issueId: 'i1', updatedMs: 1_000_000 }], overlapMs: 60_000 });
    await createSaveSyncState(deps)({ ...step, filtersHash: plan.filtersHash, fullSyncCompleted: true });
    expect(await createPlanSync(deps)({ ...step, mode: 'auto', overlapMs: 60_000 })).toMatchObject({ mode: 'incremental', updatedFromMs: { p1: 940_000 } });
    expect((await createPlanSync(deps)({ ...step, mode: 'full' })).mode).toBe('full');
  });

  it('plans full and forgets the checkpoints when the sync filters changed', async () => {
    const state = memoryState();
    const first = depsWith({ projects: { operator: 'in', keys: ['A'] } }, state);
    const plan = await createPlanSync(first.deps)({ ...step, mode: 'full' });
    await createSaveProjectCheckpoint(first.deps)({ ...step, projectId: 'p1', maxUpdatedMs: 5, recent: [] });
    await createSaveSyncState(first.deps)({ ...step, filtersHash: plan.filtersHash, fullSyncCompleted: true });
    expect((await createPlanSync(first.deps)({ ...step, mode: 'auto' })).mode).toBe('incremental');

    const changed = depsWith({ projects: { operator: 'in', keys: ['A', 'B'] } }, state);
    expect(await createPlanSync(changed.deps)({ ...step, mode: 'auto' })).toMatchObject({ mode: 'full', reason: 'the sync filters changed since the last sync' });
    expect(await state.listProjectCheckpoints()).toEqual([]);
  });

  it('never moves a checkpoint back, and keeps the (issue id, updated) pairs the next overlap can return', async () => {
    const { deps, syncState } = depsWith({});
    const save = createSaveProjectCheckpoint(deps);
    await save({ ...step, projectId: 'p1', maxUpdatedMs: 10 * 60_000, recent: [{ issueId: 'a', updatedMs: 10 * 60_000 }], overlapMs: 60_000 });
    await save({ ...step, projectId: 'p1', maxUpdatedMs: 0, recent: [], overlapMs: 60_000 });
    expect(await syncState.getProjectCheckpoint('t', 'c', 'p1')).toEqual({ projectId: 'p1', lastUpdatedMs: 10 * 60_000, recent: [{ issueId: 'a', updatedMs: 10 * 60_000 }] });
    // Window: checkpoint - overlap - one minute (Jira's minute precision); a newer revision of an issue replaces its older one.
    expect(recentWindow([{ issueId: 'old', updatedMs: 7 * 60_000 }, { issueId: 'edge', updatedMs: 8 * 60_000 }, { issueId: 'b', updatedMs: 9 * 60_000 }, { issueId: 'b', updatedMs: 10 * 60_000 }], 10 * 60_000, 60_000)).toEqual([
      { issueId: 'b', updatedMs: 10 * 60_000 },
      { issueId: 'edge', updatedMs: 8 * 60_000 },
    ]);
  });
});
