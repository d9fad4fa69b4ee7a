import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Secret } from './secret.js';

describe('Secret', () => {
  it('hides its value from JSON, strings and inspection at any depth, and reveals it on request', () => {
    const secret = new Secret({ apiToken: 'tok-123' });
    const nested = { a: { b: { c: { d: [secret] } } } };
    expect(JSON.stringify(nested)).not.toContain('tok-123');
    expect(`${String(secret)}`).toBe('[redacted]');
    expect(inspect(nested, { depth: 10 })).not.toContain('tok-123');
    expect(secret.reveal().apiToken).toBe('tok-123');
  });
});
