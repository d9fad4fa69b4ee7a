import { describe, expect, it } from 'vitest';
import { createAdfValidator } from './adf-validator.test-support.js';

const validate = createAdfValidator();
const doc = (content: unknown[]) => ({ version: 1, type: 'doc', content });
const inParagraph = (...inline: unknown[]) => doc([{ type: 'paragraph', content: inline }]);

describe('the full.json validator the ADF tests rely on', () => {
  it('accepts a minimal document', () => {
    expect(validate(inParagraph({ type: 'text', text: 'hello' }))).toEqual([]);
  });

  it('rejects the schema traps the generator must avoid', () => {
    expect(validate(inParagraph({ type: 'text', text: '' }))).not.toEqual([]);
    expect(validate(inParagraph({ type: 'text', text: 'x', marks: [{ type: 'code' }, { type: 'strong' }] }))).not.toEqual([]);
    expect(validate(inParagraph({ type: 'text', text: 'x', id: 'extra' }))).not.toEqual([]);
    expect(validate(doc([{ type: 'taskList', content: [{ type: 'taskItem', attrs: { localId: 'a', state: 'TODO' } }] }]))).not.toEqual([]);
    expect(validate(doc([{ type: 'layoutSection', content: [{ type: 'layoutColumn', attrs: { width: 100 }, content: [{ type: 'paragraph' }] }] }]))).not.toEqual([]);
  });
});
