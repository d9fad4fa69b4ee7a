import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tourJira } from './jira-tour.js';

let sim: JiraSimulator;

beforeAll(async () => {
  sim = await startSimulator({ preset: 'demo', seed: 1 });
});

afterAll(async () => {
  await sim.stop();
});

describe('the demo tour of the simulated Jira site', () => {
  it('sees exactly the users, and the issues the API user may browse, that the ground truth lists', async () => {
    const tour = await tourJira(sim);
    const truth = sim.control.groundTruth();
    const me = sim.credentials.apiUser.accountId;
    expect(tour.apiUser.timeZone).toBe(sim.credentials.apiUser.timeZone);
    expect(tour.users).toBe(truth.users.length);
    expect(tour.usersWithHiddenEmail).toBe(truth.users.filter((user) => !user.emailVisible).length);
    expect(tour.issues).toBe(truth.issues.filter((issue) => issue.acl.readers?.includes(me)).length);
    expect(tour.issues).toBeLessThan(truth.issues.length);
  });

  it('converts a real description to Markdown with its mentions and inline media', async () => {
    const tour = await tourJira(sim);
    expect(tour.sample?.markdownPreview.length).toBeGreaterThan(0);
    expect(tour.sample?.mediaIds).toBeGreaterThan(0);
  });
});
