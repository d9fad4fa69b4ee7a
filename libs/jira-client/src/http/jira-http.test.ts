import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  JiraAuthError,
  JiraBadRequestError,
  JiraConflictError,
  JiraNetworkError,
  JiraRateLimitedError,
  JiraServerError,
} from '../errors/jira-error.js';
import { JiraSchemaError } from '../errors/jira-local-errors.js';
import { createFakeClock, sendJson, startFixtureServer, type FixtureServer } from '../test-support/fixture-server.test-support.js';
import { createContractRecorder } from '../test-support/openapi-contract.test-support.js';
import { AdaptiveLimiter } from './adaptive-limiter.js';
import { JiraHttp } from './jira-http.js';
import { createTransport } from './transport.js';
import type { AuthProvider } from './jira-request.js';

const SECRET = 'Basic c2VjcmV0LXRva2Vu';
const auth: AuthProvider = { authorization: async () => SECRET };
const ok = z.looseObject({ ok: z.boolean() });
let server: FixtureServer | undefined;
const recorder = createContractRecorder();

afterEach(async () => server?.close());
afterAll(() => expect(recorder.violations()).toEqual([]));

async function httpWith(statuses: Array<[number, unknown, Record<string, string>?]>) {
  let i = 0;
  server = await startFixtureServer((_req, res) => {
    const [status, body, headers] = statuses[Math.min(i++, statuses.length - 1)]!;
    if (status === 0) return res.socket?.destroy();
    sendJson(res, status, body, headers);
  });
  const clock = createFakeClock();
  const http = new JiraHttp({ baseUrl: server.url, auth, clock, random: () => 0.5, limiter: new AdaptiveLimiter({ clock }), observer: recorder.observer });
  return { http, clock, server };
}

const get = { method: 'GET' as const, path: '/rest/api/3/myself' };

describe('JiraHttp retries', () => {
  it('waits at least Retry-After on a 429 and then succeeds', async () => {
    const { http, clock } = await httpWith([[429, { errorMessages: ['The request has been rate-limited.'] }, { 'retry-after': '7' }], [200, { ok: true }]]);
    await expect(http.json(get, ok)).resolves.toEqual({ ok: true });
    expect(clock.sleeps.some((ms) => ms >= 7000)).toBe(true);
  });

  it('falls back to X-RateLimit-Reset when a 429 has no Retry-After', async () => {
    const reset = new Date(Date.UTC(2026, 0, 1) + 12_000).toISOString();
    const { http, clock } = await httpWith([[429, {}, { 'x-ratelimit-reset': reset }], [200, { ok: true }]]);
    await http.json(get, ok);
    expect(Math.max(...clock.sleeps)).toBeGreaterThanOrEqual(12_000);
  });

  it('retries 502, 503 and 504 with growing backoff', async () => {
    const { http, clock, server: s } = await httpWith([[502, {}], [503, {}], [504, {}], [200, { ok: true }]]);
    await http.json(get, ok);
    expect(s.seen).toHaveLength(4);
    expect(clock.sleeps).toEqual([1000, 2000, 4000]);
  });

  it('gives up with a retryable JiraRateLimitedError once the budget is spent', async () => {
    const { http, server: s } = await httpWith([[429, {}, { 'retry-after': '40' }]]);
    const error = await http.json(get, ok).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraRateLimitedError);
    expect((error as JiraRateLimitedError).retryable).toBe(true);
    expect(s.seen.length).toBeLessThanOrEqual(2);
  });

  it('never retries a 400 and reports errorMessages and errors', async () => {
    const { http, server: s } = await httpWith([[400, { errorMessages: ['Error in the JQL Query'], errors: { jql: 'bad' } }]]);
    const error = (await http.json(get, ok).catch((e: unknown) => e)) as JiraBadRequestError;
    expect(error).toBeInstanceOf(JiraBadRequestError);
    expect(error.retryable).toBe(false);
    expect(error.errorMessages).toEqual(['Error in the JQL Query']);
    expect(error.errors).toEqual({ jql: 'bad' });
    expect(s.seen).toHaveLength(1);
  });

  it('retries 409 only where the endpoint documents it as transient', async () => {
    const first = await httpWith([[409, {}], [200, { ok: true }]]);
    await expect(first.http.json({ ...get, retryOn409: true }, ok)).resolves.toEqual({ ok: true });
    await first.server.close();
    const second = await httpWith([[409, {}], [200, { ok: true }]]);
    await expect(second.http.json(get, ok)).rejects.toBeInstanceOf(JiraConflictError);
  });

  it('does not retry a 500 inside the client but marks it retryable', async () => {
    const { http, server: s } = await httpWith([[500, { errorMessages: ['boom'] }]]);
    const error = (await http.json(get, ok).catch((e: unknown) => e)) as JiraServerError;
    expect(error).toBeInstanceOf(JiraServerError);
    expect(error.retryable).toBe(true);
    expect(s.seen).toHaveLength(1);
  });

  it('retries a connection reset and then succeeds', async () => {
    const { http, server: s } = await httpWith([[0, null], [200, { ok: true }]]);
    await expect(http.json(get, ok)).resolves.toEqual({ ok: true });
    expect(s.seen).toHaveLength(2);
  });

  it('surfaces repeated resets as a retryable JiraNetworkError', async () => {
    const { http } = await httpWith([[0, null]]);
    const error = await http.json(get, ok).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraNetworkError);
    expect((error as JiraNetworkError).retryable).toBe(true);
  });

  it('does not resend a non-idempotent request', async () => {
    const { http, server: s } = await httpWith([[503, {}], [200, { ok: true }]]);
    await expect(http.json({ method: 'POST', path: '/rest/api/3/webhook', body: { url: 'https://app.example.com/h', webhooks: [] }, idempotent: false }, ok)).rejects.toBeInstanceOf(JiraServerError);
    expect(s.seen).toHaveLength(1);
  });
});

describe('JiraHttp timeouts', () => {
  it('turns a server that never answers into a retryable network error after the headers timeout', async () => {
    server = await startFixtureServer(() => undefined);
    const clock = createFakeClock();
    const dispatcher = createTransport({ headersTimeoutMs: 100 });
    const http = new JiraHttp({ baseUrl: server.url, auth, clock, dispatcher, retry: { maxAttempts: 2 }, observer: recorder.observer });
    const error = await http.json(get, ok).catch((e: unknown) => e);
    await dispatcher.close();
    expect(error).toBeInstanceOf(JiraNetworkError);
    expect(server.seen).toHaveLength(2);
  });
});

describe('JiraHttp errors and parsing', () => {
  it('keeps Authorization out of error messages and names method, endpoint and status', async () => {
    const { http } = await httpWith([[401, 'Client must be authenticated to access this resource.']]);
    const error = (await http.json(get, ok).catch((e: unknown) => e)) as JiraAuthError;
    expect(error).toBeInstanceOf(JiraAuthError);
    expect(error.message).toContain('GET /rest/api/3/myself failed with 401');
    expect(error.message).not.toContain('c2VjcmV0');
    expect(JSON.stringify(error)).not.toContain('c2VjcmV0');
    expect(error.status).toBe(401);
  });

  it('raises a schema error naming the endpoint and the missing field', async () => {
    const { http } = await httpWith([[200, { accountId: 'a' }]]);
    const error = (await http.json(get, z.looseObject({ accountId: z.string(), timeZone: z.string() })).catch((e: unknown) => e)) as JiraSchemaError;
    expect(error).toBeInstanceOf(JiraSchemaError);
    expect(error.field).toBe('timeZone');
    expect(error.message).toContain('GET /rest/api/3/myself');
    expect(error.message).toContain("field 'timeZone'");
  });

  it('lets unknown fields pass through', async () => {
    const { http } = await httpWith([[200, { ok: true, extra: 1 }]]);
    await expect(http.json(get, ok)).resolves.toEqual({ ok: true, extra: 1 });
  });

  it('sends path parameters encoded and arrays as repeated query parameters', async () => {
    const { http, server: s } = await httpWith([[200, { ok: true }]]);
    await http.json({ method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}', pathParams: { issueIdOrKey: 'A B' }, query: { fields: ['x', 'y'], expand: undefined } }, ok);
    expect(s.seen[0]?.url).toBe('/rest/api/3/issue/A%20B?fields=x&fields=y');
  });
});
