import { describe, expect, it } from 'vitest';
import { bareUrls, splitBareUrls } from './bare-urls.js';

describe('splitBareUrls', () => {
  it('splits out http and https URLs and leaves trailing punctuation outside', () => {
    expect(splitBareUrls('see https://a.example/x_y?q=1. Or (http://b.example).')).toEqual([
      { value: 'see ', url: false },
      { value: 'https://a.example/x_y?q=1', url: true },
      { value: '. Or (', url: false },
      { value: 'http://b.example', url: true },
      { value: ').', url: false },
    ]);
  });

  it('keeps balanced parentheses inside the URL', () => {
    expect(bareUrls('(see https://x.example/a_(b)), then http://y.example/)')).toEqual(['https://x.example/a_(b)', 'http://y.example/']);
  });

  it('does not link a scheme without a host', () => {
    expect(splitBareUrls('https://.')).toEqual([{ value: 'https://.', url: false }]);
  });

  it('returns text without URLs as one plain piece and ignores www. and mailto-less addresses', () => {
    expect(splitBareUrls('www.example.com a@b.co')).toEqual([{ value: 'www.example.com a@b.co', url: false }]);
    expect(bareUrls('none here')).toEqual([]);
  });
});
