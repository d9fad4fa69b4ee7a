import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './testing/api-harness.test-support.js';

let api: ApiHarness;

beforeAll(async () => {
  api = await startApiHarness();
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

describe("the api's own listener serves /livez, /readyz and /metrics before tRPC", () => {
  it('answers /livez (the container healthcheck) and /readyz with MongoDB and Temporal checked', async () => {
    const live = await fetch(`${api.apiUrl}/livez`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${api.apiUrl}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { mongodb: 'ok', temporal: 'ok' } });
    expect(ready.status).toBe(200);
  });

  it('counts and times procedure calls by path and result code, served at /metrics', async () => {
    await api.client().health.check.query();
    await expect(api.client().connectors.list.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
    const text = await (await fetch(`${api.apiUrl}/metrics`)).text();
    expect(text).toMatch(/jira_sync_api_requests_total\{procedure="health\.check",type="query",code="OK",app="api"\} [1-9]/);
    expect(text).toMatch(/jira_sync_api_requests_total\{procedure="connectors\.list",type="query",code="UNAUTHORIZED",app="api"\} [1-9]/);
    const timed = text.split('\n').find((line) => line.startsWith('jira_sync_api_request_duration_seconds_count{') && line.includes('procedure="health.check"'));
    expect(timed).toMatch(/ [1-9]\d*$/);
    // tRPC still answers beside them
    expect((await fetch(`${api.apiUrl}/health.check`)).status).toBe(200);
  });
});
