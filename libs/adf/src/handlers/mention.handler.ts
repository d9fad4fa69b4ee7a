import type { InlineHandler } from '../convert/handler-types.js';
import { attrText } from '../model/adf-node.js';
import { mentionText } from '../model/leaf-text.js';

/** `mention` -> its display text (`@Jane Doe`); the account id is reported in `mentions`. */
export const convertMention: InlineHandler = (node, ctx, at) => {
  if (attrText(node, 'id') === undefined) ctx.warn(at.path, 'mention without an account id');
  return [{ type: 'text', value: mentionText(node) }];
};
