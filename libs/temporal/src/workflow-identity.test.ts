import * as contracts from '@jira-sync/contracts';
import { describe, expect, it } from 'vitest';
import * as temporal from './index.js';

describe('workflow identity', () => {
  it('re-exports the ids that workflows build from contracts, so both sides name a sync the same way', () => {
    expect(temporal.syncWorkflowId).toBe(contracts.syncWorkflowId);
    expect(temporal.projectSyncWorkflowId).toBe(contracts.projectSyncWorkflowId);
    expect(temporal.syncWorkflowId('t/1', 'c:1')).toBe('sync:t%2F1:c%3A1');
  });

  it('types one search attribute key for every name in contracts', () => {
    const names = Object.fromEntries(Object.entries(temporal.SEARCH_ATTRIBUTE_KEYS).map(([field, key]) => [field, key.name]));
    expect(names).toEqual(contracts.SEARCH_ATTRIBUTE_NAMES);
    expect(temporal.SEARCH_ATTRIBUTE_NAMES).toBe(contracts.SEARCH_ATTRIBUTE_NAMES);
  });
});
