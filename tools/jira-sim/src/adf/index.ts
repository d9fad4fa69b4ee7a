export { ADF_MARK_TYPES, ADF_NODE_TYPES, type AdfMarkType, type AdfNodeType } from './adf-catalog.js';
export { adfToHtml } from './adf-html.js';
export { adfToPlainText } from './adf-plain-text.js';
export type { AdfDoc, AdfMark, AdfMediaFile, AdfMention, AdfNode } from './adf-types.js';
export { generateAdfDocument, type GenerateAdfOptions } from './generate-adf-document.js';
export { createRng, type Rng } from './rng.js';
