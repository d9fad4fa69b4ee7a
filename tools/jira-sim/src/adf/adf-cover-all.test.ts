import { describe, expect, it } from 'vitest';
import { ADF_MARK_TYPES, ADF_NODE_TYPES } from './adf-catalog.js';
import { usedTypes } from './adf-walk.test-support.js';
import { createAdfValidator, schemaTypeNames } from './adf-validator.test-support.js';
import { generateAdfDocument } from './generate-adf-document.js';
import { createRng } from './rng.js';

const FILE = { id: '6e7c1a5b-52c5-4a8e-9d0c-0f3f0b7c1a11', collection: 'jira-10001-field' };
const ACCOUNT = { accountId: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077', displayName: 'Ada Lovelace' };

describe('coverAll documents', () => {
  const validate = createAdfValidator();

  it('use every node and mark type that full.json defines', () => {
    for (const size of ['small', 'large'] as const) {
      const used = usedTypes(generateAdfDocument(createRng(11), { size, coverAll: true, mediaFiles: [FILE], mentions: [ACCOUNT] }));
      expect(schemaTypeNames('_node').filter((type) => !used.nodes.includes(type))).toEqual([]);
      expect(schemaTypeNames('_mark').filter((type) => !used.marks.includes(type))).toEqual([]);
    }
  });

  it('validate against full.json for many seeds', () => {
    for (let seed = 1; seed <= 15; seed += 1) {
      const doc = generateAdfDocument(createRng(seed), { size: 'medium', coverAll: true, mediaFiles: [FILE], mentions: [ACCOUNT] });
      expect({ seed, errors: validate(doc) }).toEqual({ seed, errors: [] });
    }
  });

  it('list the same node and mark types as the installed schema', () => {
    expect([...ADF_NODE_TYPES].sort()).toEqual(schemaTypeNames('_node'));
    expect([...ADF_MARK_TYPES].sort()).toEqual(schemaTypeNames('_mark'));
  });
});
