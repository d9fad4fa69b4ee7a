import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { badInput } from './errors.js';

describe('badInput', () => {
  it('keeps the field and message on a cause tRPC does not rewrap', () => {
    const error = badInput(['siteUrl'], 'it must use https');
    expect(error).toBeInstanceOf(TRPCError);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('siteUrl: it must use https');
    expect((error.cause as unknown as { issues: unknown }).issues).toEqual([{ path: ['siteUrl'], message: 'it must use https' }]);
  });
});
