import { TOPICS, ZSmokeWorkflowInputSchema, type TSmokeEvent, type TSmokeWorkflowResult } from '@jira-sync/contracts';
import type { JsonProducer } from '@jira-sync/events';
import { ApplicationFailure } from '@temporalio/common';

export interface SmokeActivityDeps {
  publisher: JsonProducer;
  now: () => Date;
}

/** Publishes the smoke event to Kafka, keyed by run id so a retried attempt lands on the same partition. */
export function createPublishSmokeEvent(deps: SmokeActivityDeps) {
  return async function publishSmokeEvent(input: unknown): Promise<TSmokeWorkflowResult> {
    const parsed = ZSmokeWorkflowInputSchema.safeParse(input);
    if (!parsed.success) {
      throw ApplicationFailure.nonRetryable(`invalid smoke input: ${parsed.error.message}`, 'InvalidInput');
    }
    const event: TSmokeEvent = { ...parsed.data, publishedAt: deps.now().toISOString() };
    const record = await deps.publisher.publish(TOPICS.smoke, event.runId, event);
    return { runId: event.runId, ...record };
  };
}
