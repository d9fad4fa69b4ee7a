import type { InlineHandler } from '../convert/handler-types.js';
import { attrText } from '../model/adf-node.js';

/** `placeholder` (template hint text) -> its text in emphasis-free plain form. */
export const convertPlaceholder: InlineHandler = (node) => {
  const text = attrText(node, 'text');
  return text === undefined ? [] : [{ type: 'text', value: text }];
};
