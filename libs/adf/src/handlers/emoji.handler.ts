import type { InlineHandler } from '../convert/handler-types.js';
import { emojiText } from '../model/leaf-text.js';

/** `emoji` -> the emoji character when the document has it, else its `:short-name:`. */
export const convertEmoji: InlineHandler = (node, ctx, at) => {
  const text = emojiText(node);
  if (text === '') ctx.warn(at.path, 'emoji without text or shortName; dropped');
  return text === '' ? [] : [{ type: 'text', value: text }];
};
