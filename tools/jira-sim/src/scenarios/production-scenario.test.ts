/** The `production` scenario turns the issue #11 behaviours on together, deterministically per seed. */
import { describe, expect, it } from 'vitest';
import { startSimulator } from '../simulator/start-simulator.js';
import { SCENARIOS, scenarioByName } from './scenarios.js';

describe('scenarios', () => {
  it('keeps the default scenario kind and names the valid scenarios on a typo', () => {
    expect(SCENARIOS.default).toEqual({});
    expect(() => scenarioByName('prod')).toThrow("Unknown scenario 'prod'. Use one of: default, production.");
  });

  it('starts the production scenario with hours of search lag on a share of writes, unless told otherwise', async () => {
    const production = await startSimulator({ scenario: 'production' });
    const explicit = await startSimulator({ scenario: 'production', searchLagMs: 0 });
    try {
      expect(production.control.search.lagMs()).toBe(2 * 3_600_000);
      expect(explicit.control.search.lagMs()).toBe(0);
      // Deterministic per seed: the same data (bulk edit included) in both runs.
      expect(explicit.control.groundTruth()).toEqual(production.control.groundTruth());
    } finally {
      await Promise.all([production.stop(), explicit.stop()]);
    }
  });
});
