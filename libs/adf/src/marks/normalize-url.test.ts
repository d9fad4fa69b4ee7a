import { describe, expect, it } from 'vitest';
import { normalizeUrl } from './normalize-url.js';

describe('normalizeUrl', () => {
  it('leaves ordinary URLs, queries and existing escapes unchanged', () => {
    expect(normalizeUrl('https://example.com/a_b?x=1&y=(2)#frag%20x')).toBe('https://example.com/a_b?x=1&y=(2)#frag%20x');
  });

  it('percent-encodes spaces, angle brackets and non-ASCII characters', () => {
    expect(normalizeUrl('<br> a/é')).toBe('%3Cbr%3E%20a/%C3%A9');
  });

  it('replaces a lone surrogate instead of throwing', () => {
    expect(normalizeUrl('a\uD800b')).toBe('a%EF%BF%BDb');
  });
});
