import { z } from 'zod';

/** Temporal search attributes (registered by tools/stack and in production) that make a sync findable in the UI. */
export const SEARCH_ATTRIBUTE_NAMES = {
  tenantId: 'TenantId',
  connectorId: 'ConnectorId',
  syncMode: 'SyncMode',
  syncStatus: 'SyncStatus',
} as const;

/**
 * `full` reads every issue; `incremental` and `auto` read only what changed since each project's checkpoint, and
 * fall back to full when there is none or the sync filters changed since the last run (issue #9).
 */
export const ZSyncModeSchema = z.enum(['full', 'incremental', 'auto']);
export type TSyncMode = z.infer<typeof ZSyncModeSchema>;

export const SYNC_STATUSES = ['running', 'completed', 'partial', 'failed'] as const;
export type TSyncStatus = (typeof SYNC_STATUSES)[number];

/**
 * How a project's issues are cut up: each issues activity reads at most `pagesPerActivity` pages of 100 (and
 * heartbeats its position after each), and a project workflow continues as new after `activitiesPerRun` of them, so
 * no history grows large however big the project. Tests use small values; production the defaults.
 */
export const ZIssueChunkingSchema = z.object({
  pagesPerActivity: z.number().int().min(1).max(1_000).default(20),
  activitiesPerRun: z.number().int().min(1).max(500).default(25),
});
export type TIssueChunking = z.infer<typeof ZIssueChunkingSchema>;

/** The sync workflow's input: ids and the mode only; activities load configuration and credentials themselves. */
export const ZSyncConnectorInputSchema = z.object({
  tenantId: z.string().min(1),
  connectorId: z.string().min(1),
  mode: ZSyncModeSchema.default('full'),
  chunking: ZIssueChunkingSchema.optional(),
  /** How far an incremental query reaches back before each project's checkpoint (search lag, minute precision). */
  overlapMs: z.number().int().min(0).max(86_400_000).optional(),
});
export type TSyncConnectorInput = z.infer<typeof ZSyncConnectorInputSchema>;

/** The one workflow id of a connector's sync: a second start while one runs attaches to it. */
export function syncWorkflowId(tenantId: string, connectorId: string): string {
  return ['sync', tenantId, connectorId].map(encodeURIComponent).join(':');
}

/** The id of the child workflow that syncs one project's issues within a sync run. */
export function projectSyncWorkflowId(tenantId: string, connectorId: string, projectKey: string): string {
  return ['sync', tenantId, connectorId, 'project', projectKey].map(encodeURIComponent).join(':');
}

export interface TProjectOutcome {
  projectId: string;
  projectKey: string;
  status: 'completed' | 'failed' | 'skipped';
  issues: number;
  comments: number;
  attachments: number;
  /** Records stored readable by no one because their ACL could not be resolved. */
  closedAcls: number;
  /** What a person can act on (e.g. the Jira permission to grant). */
  errors: string[];
}

export interface TSyncStepProgress {
  step: string;
  status: 'pending' | 'running' | 'completed' | 'failed';
  count: number;
}

/** What the progress query answers while a sync runs (and its result once it ends). */
export interface TSyncProgress {
  tenantId: string;
  connectorId: string;
  mode: TSyncMode;
  generation: number;
  status: TSyncStatus;
  step: string;
  steps: TSyncStepProgress[];
  projects: Array<{ projectKey: string; status: 'pending' | 'running' | 'completed' | 'failed' | 'skipped'; issuesDone: number; issuesEstimated: number }>;
  errors: string[];
}

export interface TSyncResult {
  tenantId: string;
  connectorId: string;
  mode: TSyncMode;
  generation: number;
  status: TSyncStatus;
  users: number;
  groups: number;
  roles: number;
  projects: TProjectOutcome[];
  /** Diagnostics a person acts on: missing permissions, hidden emails, fail-closed records. */
  diagnostics: string[];
}
