import { RECORD_EVENT_TYPES, type TRecordEvent } from '@jira-sync/contracts';
import type { RecordEventHandler, RecordHandlerDeps } from './handlers/record-handler.js';
import { RECORD_HANDLERS } from './handlers/record-handlers.js';

/**
 * Writes events in consumption order: consecutive upserts are grouped per type (one bulk write each, in the
 * handlers' order), and a run of deletions is applied where it stands, so a delete never overtakes an upsert.
 */
export async function applyRecordEvents(
  events: readonly TRecordEvent[],
  deps: RecordHandlerDeps,
  options: { handlers?: ReadonlyArray<RecordEventHandler>; onProgress?: () => Promise<void> } = {},
): Promise<void> {
  const handlers = options.handlers ?? RECORD_HANDLERS;
  const byType = new Map<string, RecordEventHandler>(handlers.map((handler) => [handler.type, handler]));
  for (const segment of segmentsOf(events)) {
    // Issue lists shared by the handlers of this run of upserts only: a deletion run in between changes them.
    const segmentDeps: RecordHandlerDeps = { ...deps, issueLists: new Map() };
    const groups = new Map<string, TRecordEvent[]>();
    for (const event of segment) groups.set(event.type, [...(groups.get(event.type) ?? []), event]);
    for (const handler of handlers) {
      const group = groups.get(handler.type);
      if (!group) continue;
      await handler.apply(group, segmentDeps);
      // Large records make one chunk slow: the consumer heartbeats between handlers so it keeps its group membership.
      await options.onProgress?.();
    }
    for (const type of groups.keys()) {
      if (!byType.has(type)) throw new Error(`no handler for record event type ${type}`);
    }
  }
}

function* segmentsOf(events: readonly TRecordEvent[]): Generator<TRecordEvent[]> {
  let segment: TRecordEvent[] = [];
  for (const event of events) {
    const previous = segment[segment.length - 1];
    if (previous && (previous.type === RECORD_EVENT_TYPES.deleted) !== (event.type === RECORD_EVENT_TYPES.deleted)) {
      yield segment;
      segment = [];
    }
    segment.push(event);
  }
  if (segment.length > 0) yield segment;
}
