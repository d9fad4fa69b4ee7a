import type { TSyncResult } from '@jira-sync/contracts';
import { NOT_DELETED } from '@jira-sync/store';
import { WorkflowFailedError } from '@temporalio/client';
import { z } from 'zod';
import { tenantProcedure } from '../../procedures.js';
import { ZIdSchema } from '../../schemas.js';
import { requireConnector } from '../connectors/connector-view.js';
import { listRuns } from '../sync/sync-runs.js';

const ZDiagnosticsInputSchema = z.object({ connectorId: ZIdSchema, limit: z.number().int().min(1).max(500).default(100) });

const HIDDEN_EMAIL_FIX =
  "these accounts hide their email in their Atlassian profile, so jira-sync cannot match them to people by email (reading records as such a user needs the account id). The fix is each user's profile visibility: in their Atlassian account's profile and visibility settings, set 'Email address' to 'Anyone' (or, for accounts an organization manages, the admin's email visibility policy for the domain); the next sync picks the emails up";

/** Runs' outcomes worth reading, newest first: enough to find each step's last error without reading every run. */
const RUNS_READ = 20;

export interface TStepError {
  step: string;
  error: string;
  runId: string;
  at: Date | undefined;
}

function failureText(error: unknown): string {
  if (error instanceof WorkflowFailedError) {
    const inner = error.cause?.cause;
    return inner instanceof Error ? inner.message : (error.cause?.message ?? error.message);
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * What a person should fix for a connector: the active users whose email is hidden (with the fix), the grants,
 * schemes and levels the latest run could not read (its outcome names them), and the last error of each step
 * (the run as a whole, and each project's issues) across recent runs.
 */
export const getDiagnostics = tenantProcedure.input(ZDiagnosticsInputSchema).query(async ({ ctx, input }) => {
  await requireConnector(ctx, input.connectorId);
  const scope = { tenantId: ctx.tenantId, connectorId: input.connectorId };
  const hiddenFilter = { ...scope, ...NOT_DELETED, active: true, accountType: 'atlassian', $or: [{ email: { $exists: false } }, { email: null }, { email: '' }] };
  const [hiddenCount, hidden] = await Promise.all([
    ctx.records.users.raw.countDocuments(hiddenFilter),
    ctx.records.users.raw.find(hiddenFilter, { projection: { _id: 0, accountId: 1, displayName: 1 } }).sort({ accountId: 1 }).limit(input.limit).toArray(),
  ]);
  const lastErrors = new Map<string, TStepError>();
  let unreadPermissions: { runId: string; at: Date | undefined; diagnostics: string[]; projects: Array<{ projectKey: string; errors: string[] }> } | undefined;
  for (const run of await listRuns(ctx, input.connectorId, RUNS_READ)) {
    const at = run.closeTime ?? run.startTime;
    const note = (step: string, error: string) => {
      if (!lastErrors.has(step)) lastErrors.set(step, { step, error, runId: run.runId, at });
    };
    const handle = ctx.temporal.workflow.getHandle(run.workflowId, run.runId);
    if (run.status.name === 'FAILED') note('sync', await handle.result().then(() => 'failed', failureText));
    if (run.status.name === 'TIMED_OUT') note('sync', 'the run timed out');
    if (run.status.name !== 'COMPLETED') continue;
    const result = (await handle.result()) as TSyncResult;
    for (const project of result.projects) for (const error of project.errors) note(`issues:${project.projectKey}`, error);
    unreadPermissions ??= {
      runId: run.runId,
      at,
      diagnostics: result.diagnostics,
      projects: result.projects.filter((project) => project.errors.length > 0 || project.closedAcls > 0).map(({ projectKey, errors }) => ({ projectKey, errors })),
    };
  }
  return {
    hiddenEmails: { count: hiddenCount, users: hidden.map((user) => ({ accountId: String(user['accountId']), displayName: user['displayName'] as string | undefined })), fix: hiddenCount > 0 ? HIDDEN_EMAIL_FIX : undefined },
    /** From the latest completed run: what it could not read (permission schemes, grants, security levels, roles). */
    unreadPermissions: unreadPermissions ?? { runId: undefined, at: undefined, diagnostics: [], projects: [] },
    lastErrors: [...lastErrors.values()],
  };
});
