import type { TRecordEvent } from '@jira-sync/contracts';
import type { Logger } from '@jira-sync/logging';
import type { AttachmentContentPort, RecordStorePort } from '../record-store.port.js';

export interface RecordHandlerDeps {
  store: RecordStorePort;
  content: AttachmentContentPort;
  logger: Logger;
}

/** Applies a group of events of one CloudEvents type, in the order they were consumed. */
export interface RecordEventHandler<T extends TRecordEvent = TRecordEvent> {
  readonly type: T['type'];
  apply(events: readonly T[], deps: RecordHandlerDeps): Promise<void>;
}
