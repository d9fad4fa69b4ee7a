import { describe, expect, it } from 'vitest';
import { linkDestination } from './link-policy.js';

describe('linkDestination', () => {
  it('allows http, https, mailto and relative URLs, normalized for Markdown', () => {
    expect(linkDestination('https://a.example/x y')).toEqual({ allowed: true, url: 'https://a.example/x%20y' });
    expect(linkDestination(' MAILTO:dev@example.com ')).toEqual({ allowed: true, url: 'MAILTO:dev@example.com' });
    expect(linkDestination('/browse/ABC-1')).toEqual({ allowed: true, url: '/browse/ABC-1' });
    expect(linkDestination('#top')).toEqual({ allowed: true, url: '#top' });
  });

  it('refuses every other scheme, read as a browser reads it', () => {
    expect(linkDestination('javascript:alert(1)')).toEqual({ allowed: false, scheme: 'javascript' });
    expect(linkDestination('\u0000 JavaScript:alert(1)')).toEqual({ allowed: false, scheme: 'javascript' });
    expect(linkDestination('java\tscr\nipt:alert(1)')).toEqual({ allowed: false, scheme: 'javascript' });
    expect(linkDestination('data:text/html,x')).toEqual({ allowed: false, scheme: 'data' });
    expect(linkDestination('localhost:8080')).toEqual({ allowed: false, scheme: 'localhost' });
    expect(linkDestination('   ')).toEqual({ allowed: false, scheme: '' });
  });

  it('trims a long run of spaces in one pass', () => {
    expect(linkDestination(`${' '.repeat(200_000)}x${' '.repeat(200_000)}`)).toEqual({ allowed: true, url: 'x' });
  });
});
