import type { PhrasingContent } from 'mdast';
import type { InlineHandler } from '../convert/handler-types.js';
import { normalizeUrl } from '../marks/normalize-url.js';
import { splitBareUrls } from '../model/bare-urls.js';
import { toOneLine } from '../model/leaf-text.js';

/**
 * `text` -> text (bare http(s) URLs as links), or inline code when it carries the code mark. Line endings
 * in code become spaces, as Markdown renders them anyway: written out they could start a block (`# x`).
 */
export const convertText: InlineHandler = (node, ctx, at) => {
  const value = node.text ?? '';
  if (value === '') {
    ctx.warn(at.path, node.text === undefined ? 'text node without a string text; dropped' : 'empty text node; dropped');
    return [];
  }
  if (at.code) return [{ type: 'inlineCode', value: toOneLine(value) }];
  // Bare URLs become links: left as text, the serializer would escape them (`https\://`) to stop GFM
  // from linking them, which helps no reader.
  return splitBareUrls(value).map((piece): PhrasingContent =>
    piece.url ? { type: 'link', url: normalizeUrl(piece.value), children: [{ type: 'text', value: piece.value }] } : { type: 'text', value: piece.value },
  );
};
