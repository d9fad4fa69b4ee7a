import { describe, expect, it } from 'vitest';
import { allNodes } from './adf-walk.test-support.js';
import { createAdfValidator } from './adf-validator.test-support.js';
import { generateAdfDocument } from './generate-adf-document.js';
import { createRng } from './rng.js';

const validate = createAdfValidator();
const FILES = [
  { id: '6e7c1a5b-52c5-4a8e-9d0c-0f3f0b7c1a11', collection: 'jira-10001-field', alt: 'screenshot.png' },
  { id: '0b1d2c3e-4f50-4a6b-8c7d-9e0f1a2b3c4d', collection: 'jira-10001-field' },
  { id: '9a8b7c6d-5e4f-4a3b-9c1d-0e1f2a3b4c5d', collection: 'jira-10001-field' },
];
const MENTIONS = [
  { accountId: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077', displayName: 'Ada Lovelace' },
  { accountId: '5b10a2844c20165700ede21g', displayName: 'Grace Hopper' },
];
const SIZES = ['small', 'medium', 'large'] as const;

describe('generateAdfDocument', () => {
  it('produces documents that validate against full.json for many seeds and every size', () => {
    for (let seed = 1; seed <= 40; seed += 1) {
      for (const size of SIZES) {
        const withData = seed % 2 === 0;
        const doc = generateAdfDocument(createRng(seed), {
          size,
          ...(withData ? { mediaFiles: FILES.slice(0, (seed % 3) + 1), mentions: MENTIONS } : {}),
        });
        expect({ seed, size, errors: validate(doc) }).toEqual({ seed, size, errors: [] });
      }
    }
  });

  it('is deterministic for a seed and varies between seeds', () => {
    const options = { size: 'large', mediaFiles: FILES, mentions: MENTIONS } as const;
    expect(generateAdfDocument(createRng(7), options)).toEqual(generateAdfDocument(createRng(7), options));
    expect(generateAdfDocument(createRng(7), options)).not.toEqual(generateAdfDocument(createRng(8), options));
  });

  it('references every given media file by id and collection, and nothing else', () => {
    const doc = generateAdfDocument(createRng(3), { size: 'medium', mediaFiles: FILES });
    const media = allNodes(doc).filter((node) => node.type === 'media');
    expect(media.map((node) => node.attrs)).toEqual(
      FILES.map((file) => ({ type: 'file', id: file.id, collection: file.collection, ...(file.alt ? { alt: file.alt } : {}) })),
    );
  });

  it('mentions only the given accounts, with their display names', () => {
    const known = new Set(MENTIONS.map((account) => `${account.accountId} @${account.displayName}`));
    const mentions = Array.from({ length: 20 }, (_, seed) => generateAdfDocument(createRng(seed), { size: 'large', mentions: MENTIONS }))
      .flatMap((doc) => allNodes(doc).filter((node) => node.type === 'mention'));
    expect(mentions.length).toBeGreaterThan(0);
    for (const node of mentions) expect(known).toContain(`${String(node.attrs?.['id'])} ${String(node.attrs?.['text'])}`);
  });

  it('writes no mentions or media when none are given', () => {
    const types = new Set(allNodes(generateAdfDocument(createRng(5), { size: 'large' })).map((node) => node.type));
    expect([...types].filter((type) => type.startsWith('media') || type === 'mention')).toEqual([]);
  });

  it('makes larger documents for larger sizes', () => {
    for (let seed = 1; seed <= 10; seed += 1) {
      const count = (size: (typeof SIZES)[number]) => allNodes(generateAdfDocument(createRng(seed), { size })).length;
      expect(count('small')).toBeLessThan(count('medium'));
      expect(count('medium')).toBeLessThan(count('large'));
    }
  });

  it('refuses coverAll without a media file or a mention to reference', () => {
    expect(() => generateAdfDocument(createRng(1), { size: 'small', coverAll: true, mentions: MENTIONS })).toThrow(/coverAll needs/);
    expect(() => generateAdfDocument(createRng(1), { size: 'small', coverAll: true, mediaFiles: FILES })).toThrow(/coverAll needs/);
  });
});
