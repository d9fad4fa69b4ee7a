import { SEARCH_ATTRIBUTE_NAMES } from '@jira-sync/contracts';
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';

// Ids and attribute names are pure and live in contracts, where workflow code may import them at run time (child
// workflows build their ids there); this lib adds the typed keys that Temporal's client and worker need.
export { projectSyncWorkflowId, SEARCH_ATTRIBUTE_NAMES, syncWorkflowId } from '@jira-sync/contracts';

/** Search attributes registered on the server (tools/stack) so the Temporal UI can filter syncs by tenant and connector. */
export const SEARCH_ATTRIBUTE_KEYS = {
  tenantId: defineSearchAttributeKey(SEARCH_ATTRIBUTE_NAMES.tenantId, SearchAttributeType.KEYWORD),
  connectorId: defineSearchAttributeKey(SEARCH_ATTRIBUTE_NAMES.connectorId, SearchAttributeType.KEYWORD),
  syncMode: defineSearchAttributeKey(SEARCH_ATTRIBUTE_NAMES.syncMode, SearchAttributeType.KEYWORD),
  syncStatus: defineSearchAttributeKey(SEARCH_ATTRIBUTE_NAMES.syncStatus, SearchAttributeType.KEYWORD),
} as const;

/** A readable, unique workflow id, `<kind>:<tenant>:<connector>:<suffix>`, that needs no escaping in Temporal UI links. */
export function workflowIdFor(kind: string, tenantId: string, connectorId: string, suffix: string): string {
  return [kind, tenantId, connectorId, suffix].map(encodeURIComponent).join(':');
}

/** The typed search attributes a sync workflow is started with. */
export function searchAttributesFor(tenantId: string, connectorId: string, syncMode: string): SearchAttributePair[] {
  return [
    { key: SEARCH_ATTRIBUTE_KEYS.tenantId, value: tenantId },
    { key: SEARCH_ATTRIBUTE_KEYS.connectorId, value: connectorId },
    { key: SEARCH_ATTRIBUTE_KEYS.syncMode, value: syncMode },
  ];
}
