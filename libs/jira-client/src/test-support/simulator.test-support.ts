import { startSimulator, type JiraSimulator, type StartOptions } from '@jira-sync/jira-sim';
import { afterAll, beforeAll, expect } from 'vitest';
import type { ApiTokenClientOptions } from '../create-api-token-client.js';
import { createApiTokenClient } from '../create-api-token-client.js';
import { SiteLimiterRegistry } from '../http/adaptive-limiter.js';
import type { Clock } from '../http/clock.js';
import type { JiraClient } from '../jira-client.js';
import { createContractRecorder } from './openapi-contract.test-support.js';

/** Real time, but sleeps return at once and push "now" forward: retries never wait for real seconds. */
export function createSkippingClock(): Clock & { sleeps: number[] } {
  let skipped = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => Date.now() + skipped,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      skipped += Math.max(0, ms);
    },
  };
}

export interface SimHarness {
  sim: JiraSimulator;
  recorder: ReturnType<typeof createContractRecorder>;
  clock: ReturnType<typeof createSkippingClock>;
  /** An API-token client for the simulator's API user (or admin), recording requests for the contract check. */
  apiTokenClient(who?: 'apiUser' | 'admin', extra?: Partial<ApiTokenClientOptions>): JiraClient;
}

/**
 * Starts a simulator for a test file (beforeAll), stops it (afterAll) and then checks every request the client sent
 * against the OpenAPI document.
 */
export function useJiraSimulator(options: StartOptions = {}): SimHarness {
  const harness = { recorder: createContractRecorder(), clock: createSkippingClock() } as SimHarness;
  harness.apiTokenClient = (who = 'apiUser', extra = {}) => {
    const account = harness.sim.credentials[who];
    return createApiTokenClient({
      siteUrl: harness.sim.sites[0]!.siteUrl,
      allowInsecureLoopback: true,
      email: account.email,
      apiToken: account.apiToken,
      observer: harness.recorder.observer,
      clock: harness.clock,
      limiters: new SiteLimiterRegistry({ clock: harness.clock }),
      ...extra,
    });
  };
  beforeAll(async () => {
    harness.sim = await startSimulator(options);
  });
  afterAll(async () => {
    await harness.sim?.stop();
    expect(harness.recorder.requests.length).toBeGreaterThan(0);
    expect(harness.recorder.violations()).toEqual([]);
  });
  return harness;
}
