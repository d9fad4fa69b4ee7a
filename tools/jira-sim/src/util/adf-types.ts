/** ADF document types, shared with the generator module. */
export type { AdfDoc, AdfNode } from '../adf/index.js';
