import { expect, it } from 'vitest';
import { ADF_CONVERTER_AVAILABLE } from './index.js';

it('says the converter has not landed yet', () => {
  expect(ADF_CONVERTER_AVAILABLE).toBe(false);
});
