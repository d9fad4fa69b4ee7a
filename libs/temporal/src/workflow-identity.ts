import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';

/** Search attributes registered on the server (tools/stack) so the Temporal UI can filter syncs by tenant and connector. */
export const SEARCH_ATTRIBUTE_KEYS = {
  tenantId: defineSearchAttributeKey('TenantId', SearchAttributeType.KEYWORD),
  connectorId: defineSearchAttributeKey('ConnectorId', SearchAttributeType.KEYWORD),
  syncMode: defineSearchAttributeKey('SyncMode', SearchAttributeType.KEYWORD),
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
