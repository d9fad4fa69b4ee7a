import { ZSmokeEventSchema } from '@jira-sync/contracts';
import type { JsonMessage } from '@jira-sync/events';
import type { Logger } from '@jira-sync/logging';
import { DuplicateKeyError, type SmokeEventRepository } from '@jira-sync/store';

/** Stores a smoke event; a redelivered event (same run id) is acknowledged without a second write. */
export function createSmokeEventHandler(deps: { repository: SmokeEventRepository; logger: Logger; now: () => Date }) {
  return async function handleSmokeEvent(message: JsonMessage): Promise<void> {
    const parsed = ZSmokeEventSchema.safeParse(message.value);
    if (!parsed.success) {
      deps.logger.error({ topic: message.topic, offset: message.offset, issues: parsed.error.issues }, 'skipping an invalid smoke event');
      return;
    }
    try {
      await deps.repository.insert({
        ...parsed.data,
        topic: message.topic,
        partition: message.partition,
        offset: message.offset,
        storedAt: deps.now(),
      });
      deps.logger.info({ runId: parsed.data.runId }, 'smoke event stored');
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
      deps.logger.info({ runId: parsed.data.runId }, 'smoke event already stored');
    }
  };
}
