import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { searchAttributesFor, workflowIdFor } from '@jira-sync/temporal';
import { smokeWorkflow } from '@jira-sync/workflows';
import { z } from 'zod';
import { publicProcedure } from '../../trpc.js';

const STORED_WAIT_MS = 30_000;

const ZRunSmokeInputSchema = z.object({
  message: z.string().trim().min(1, 'message must not be empty').max(1_000),
  tenantId: z.string().regex(/^[a-z0-9-]{1,64}$/, 'tenantId: lower-case letters, digits and dashes').default('demo'),
});

/**
 * Runs the smoke workflow and waits (bounded) until the index app has stored its event, proving
 * api -> Temporal -> worker -> Kafka -> index -> MongoDB.
 */
export const runSmoke = publicProcedure.input(ZRunSmokeInputSchema).mutation(async ({ ctx, input }) => {
  const runId = randomUUID();
  const workflowId = workflowIdFor('smoke', input.tenantId, 'smoke', runId);
  const handle = await ctx.temporal.workflow.start(smokeWorkflow, {
    taskQueue: ctx.taskQueue,
    workflowId,
    args: [{ runId, message: input.message }],
    workflowExecutionTimeout: '2 minutes',
    typedSearchAttributes: searchAttributesFor(input.tenantId, 'smoke', 'smoke'),
  });
  const published = await handle.result();
  const deadline = Date.now() + STORED_WAIT_MS;
  let stored = await ctx.smokeEvents.findByRunId(runId);
  while (!stored && Date.now() < deadline) {
    await sleep(250);
    stored = await ctx.smokeEvents.findByRunId(runId);
  }
  return {
    workflowId,
    published,
    stored,
    temporalUiUrl: `${ctx.temporalUiUrl}/namespaces/${ctx.namespace}/workflows/${encodeURIComponent(workflowId)}`,
  };
});
