/** Jira's 429 reply: JSON body with status, Retry-After, X-RateLimit-* and RateLimit-Reason headers. */
import type { SimReply } from '../http/route-types.js';

export function rateLimited(retryAfterSeconds: number, limit: number, reason: string, resetAt: Date): SimReply {
  return {
    status: 429,
    body: { errorMessages: ['The request has been rate-limited. Please try again later.'], errors: {}, status: 429 },
    headers: {
      'retry-after': String(retryAfterSeconds),
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': resetAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      'ratelimit-reason': reason,
    },
  };
}
