import type { TSmokeWorkflowInput, TSmokeWorkflowResult } from '@jira-sync/contracts';
import type { Activities } from '@jira-sync/activities';
import { log, proxyActivities } from '@temporalio/workflow';

const { publishSmokeEvent } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
});

/** Proves the whole path: api -> Temporal -> worker -> Kafka (and, downstream, index -> MongoDB). */
export async function smokeWorkflow(input: TSmokeWorkflowInput): Promise<TSmokeWorkflowResult> {
  log.info('publishing smoke event', { runId: input.runId });
  return publishSmokeEvent(input);
}
