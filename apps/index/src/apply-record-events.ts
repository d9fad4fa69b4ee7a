import { RECORD_EVENT_TYPES, type TRecordEvent } from '@jira-sync/contracts';
import { issueListKey, type RecordEventHandler, type RecordHandlerDeps, type StoredIssueLists } from './handlers/record-handler.js';
import { RECORD_HANDLERS } from './handlers/record-handlers.js';
import type { KnownChildrenPort } from './record-store.port.js';

/**
 * Writes events in consumption order: consecutive upserts are grouped per type (one bulk write each, in the
 * handlers' order), and a run of deletions is applied where it stands, so a delete never overtakes an upsert.
 *
 * `issueLists` carries the stored issues' child lists from one call to the next (the consumer passes one map per
 * fetched batch of a partition, where every event of an issue and of its children arrives, so no other writer changes
 * those issues meanwhile). Without it, each run of upserts starts an empty one. A deletion run empties it.
 * `knownChildren` does the same for the issues' child registry entries; registrations only add to an entry, so a
 * deletion run leaves it as it is (its own registrations go through it).
 */
export async function applyRecordEvents(
  events: readonly TRecordEvent[],
  deps: RecordHandlerDeps,
  options: { handlers?: ReadonlyArray<RecordEventHandler>; onProgress?: () => Promise<void>; issueLists?: Map<string, StoredIssueLists | null>; knownChildren?: KnownChildrenPort } = {},
): Promise<void> {
  const handlers = options.handlers ?? RECORD_HANDLERS;
  const byType = new Map<string, RecordEventHandler>(handlers.map((handler) => [handler.type, handler]));
  // Only an issue handler that runs after both child handlers prunes what they wrote.
  const position = (type: string) => handlers.findIndex((handler) => handler.type === type);
  const issuesLast = position(RECORD_EVENT_TYPES.issue) > Math.max(position(RECORD_EVENT_TYPES.comment), position(RECORD_EVENT_TYPES.attachment));
  for (const segment of segmentsOf(events)) {
    const deletions = segment[0]?.type === RECORD_EVENT_TYPES.deleted;
    // A deletion changes stored issues behind the lists' back: what was remembered before it is forgotten.
    if (deletions) options.issueLists?.clear();
    const groups = new Map<string, TRecordEvent[]>();
    for (const event of segment) {
      const group = groups.get(event.type);
      if (group) group.push(event);
      else groups.set(event.type, [event]);
    }
    const issuesPrunedLater = new Set(issuesLast ? (groups.get(RECORD_EVENT_TYPES.issue) ?? []).map((event) => issueListKey(event.data, event.subject)) : []);
    const segmentDeps: RecordHandlerDeps = { ...deps, issueLists: options.issueLists ?? new Map(), issuesPrunedLater, knownChildren: options.knownChildren ?? new Map() };
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
