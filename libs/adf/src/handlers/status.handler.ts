import type { InlineHandler } from '../convert/handler-types.js';
import { statusText, toOneLine } from '../model/leaf-text.js';

declare module 'mdast' {
  interface InlineCodeData {
    /** Set on status lozenges, so neighbouring lozenges stay apart when inline code is merged. */
    adfStatus?: boolean;
  }
}

/** `status` lozenge -> its label as inline code, which reads as a tag; the colour is dropped. */
export const convertStatus: InlineHandler = (node, ctx, at) => {
  const text = statusText(node);
  if (text === '') ctx.warn(at.path, 'status without text; dropped');
  return text === '' ? [] : [{ type: 'inlineCode', value: toOneLine(text), data: { adfStatus: true } }];
};
