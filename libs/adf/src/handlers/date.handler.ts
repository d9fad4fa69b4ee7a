import type { InlineHandler } from '../convert/handler-types.js';
import { attrValue, describeValue } from '../model/adf-node.js';
import { dateText, isUnreadableDate } from '../model/leaf-text.js';

/** `date` -> ISO calendar date (UTC), e.g. `2024-03-01`; an unreadable timestamp is kept as written. */
export const convertDate: InlineHandler = (node, ctx, at) => {
  const text = dateText(node);
  if (isUnreadableDate(node)) ctx.warn(at.path, `date timestamp ${describeValue(attrValue(node, 'timestamp'))} is not epoch milliseconds`);
  return text === '' ? [] : [{ type: 'text', value: text }];
};
