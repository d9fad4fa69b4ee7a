/**
 * Starts a demo simulator for a test file and checks, when the file ends, that every reply it served validates
 * against the OpenAPI document (the contract half of every integration test).
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { JiraSimulator, StartOptions } from '../simulator/start-simulator.js';
import { startSimulator } from '../simulator/start-simulator.js';
import type { ServedReply } from './openapi-contract.test-support.js';
import { OpenApiContract } from './openapi-contract.test-support.js';

export interface TestSim {
  sim: JiraSimulator;
  replies: ServedReply[];
}

/** Registers beforeAll/afterAll hooks; read `.sim` inside tests. */
export function useSimulator(options: StartOptions = {}): TestSim {
  const holder = { replies: [] as ServedReply[] } as TestSim;
  beforeAll(async () => {
    holder.sim = await startSimulator({ ...options, onReply: (reply) => holder.replies.push(reply) });
  });
  afterAll(async () => {
    await holder.sim?.stop();
    const contract = new OpenApiContract();
    const problems = holder.replies.flatMap((reply) => contract.check(reply));
    expect(problems).toEqual([]);
    expect(holder.replies.filter((reply) => !isJiraErrorShape(reply)).map((reply) => `${reply.method} ${reply.template} ${reply.status}`)).toEqual([]);
  });
  return holder;
}

/**
 * Every 4xx Jira serves is an ErrorCollection, except the documented exceptions: text/html 401 on /myself, the
 * gateway's {code,message} envelope and the problem+json 415 of search/jql.
 */
function isJiraErrorShape(reply: ServedReply): boolean {
  if (reply.status < 400 || reply.status >= 500 || reply.body === undefined) return true;
  if (reply.contentType?.includes('text/html') || reply.contentType?.includes('problem+json')) return true;
  const body = reply.body as Record<string, unknown>;
  if (typeof body.code === 'number' && typeof body.message === 'string') return reply.status === 401 || reply.status === 404;
  return Array.isArray(body.errorMessages) && typeof body.errors === 'object' && body.errors !== null;
}

/** `Authorization: Basic` for an email and API token. */
export function basic(email: string, token: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}` };
}

/** Basic auth headers of the API user (or the admin). */
export function as(sim: JiraSimulator, who: 'apiUser' | 'admin'): Record<string, string> {
  const account = sim.credentials[who];
  return basic(account.email, account.apiToken);
}

/** Parsed JSON of a reply; tests read it loosely and assert on what they read. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** GET/POST helper returning status, headers and parsed JSON (or text). */
export async function call(url: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: Json; text: string }> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body, text };
}
