import { createHash, timingSafeEqual } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { ApiContext } from './context.js';
import { middleware, publicProcedure } from './trpc.js';

const HOW_TO_AUTHENTICATE = "send an API key as 'Authorization: Bearer <key>' (an administrator issues keys with tenants.create or apiKeys.issue)";

function bearerOf(ctx: ApiContext): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(ctx.authorization ?? '');
  return match?.[1];
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

async function consume(ctx: ApiContext, key: string): Promise<void> {
  try {
    await ctx.rateLimiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: `this API key made too many requests; retry in ${seconds} s, or spread the calls out` });
  }
}

const requireAdmin = middleware(async ({ ctx, next }) => {
  const presented = bearerOf(ctx);
  const adminKey = ctx.adminKey?.reveal();
  if (!adminKey) throw new TRPCError({ code: 'FORBIDDEN', message: 'no administrator key is configured; set API_ADMIN_KEY on the api to create tenants' });
  if (!presented || !timingSafeEqual(digest(presented), digest(adminKey))) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'this procedure needs the administrator key (API_ADMIN_KEY) as the bearer token' });
  }
  await consume(ctx, 'admin');
  return next();
});

const requireTenant = middleware(async ({ ctx, next }) => {
  const presented = bearerOf(ctx);
  if (!presented) throw new TRPCError({ code: 'UNAUTHORIZED', message: `no API key: ${HOW_TO_AUTHENTICATE}` });
  const verified = await ctx.apiKeys.verify(presented);
  if (!verified) throw new TRPCError({ code: 'UNAUTHORIZED', message: `the API key is unknown or revoked: ${HOW_TO_AUTHENTICATE}` });
  await consume(ctx, `key:${verified.keyId}`);
  return next({ ctx: { tenantId: verified.tenantId, apiKeyId: verified.keyId } });
});

/** Procedures only the operator with the administrator key may call. */
export const adminProcedure = publicProcedure.use(requireAdmin);

/** Procedures scoped to the tenant of the caller's API key: `ctx.tenantId` is the only tenant they touch. */
export const tenantProcedure = publicProcedure.use(requireTenant);
