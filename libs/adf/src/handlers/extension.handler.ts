import type { BlockContent } from 'mdast';
import type { BlockHandler, InlineHandler } from '../convert/handler-types.js';
import { extensionPlaceholder, extensionText } from '../model/leaf-text.js';

/** `extension` (a macro without body) -> its text, else a visible `[extension: key]` placeholder. */
export const convertExtension: BlockHandler = (node) => [
  { type: 'paragraph', children: [{ type: 'text', value: extensionText(node) ?? extensionPlaceholder(node) }] },
];

/** `inlineExtension` -> its text, else a placeholder. */
export const convertInlineExtension: InlineHandler = (node) => [{ type: 'text', value: extensionText(node) ?? extensionPlaceholder(node) }];

/** `bodiedExtension` -> its body; the placeholder stands in only when the body is empty. */
export const convertBodiedExtension: BlockHandler = (node, ctx, at) => {
  const body: BlockContent[] = ctx.blocks(node, at);
  if (body.length > 0) return body;
  return convertExtension(node, ctx, at);
};
