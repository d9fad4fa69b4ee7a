import { describe, expect, it } from 'vitest';
import { ZSmokeEventSchema } from './smoke-event.schema.js';

describe('ZSmokeEventSchema', () => {
  it('accepts a complete smoke event', () => {
    const event = { runId: 'r1', message: 'hello', publishedAt: '2026-11-28T10:00:00.000Z' };
    expect(ZSmokeEventSchema.parse(event)).toEqual(event);
  });

  it('rejects an event whose timestamp is not ISO 8601', () => {
    const result = ZSmokeEventSchema.safeParse({ runId: 'r1', message: 'hello', publishedAt: 'yesterday' });
    expect(result.success).toBe(false);
  });
});
