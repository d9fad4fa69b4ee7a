import type { PhrasingContent } from 'mdast';
import type { BlockHandler, ConvertContext, InlineHandler, NodeAt } from '../convert/handler-types.js';
import { linkDestination, refusedLinkMessage } from '../marks/link-policy.js';
import { cardName, cardUrl } from '../model/leaf-text.js';
import type { AdfNode } from '../model/adf-node.js';

/**
 * A smart link as a Markdown link whose text is its URL (serialized as an autolink where possible). A URL
 * whose scheme is not allowed stays visible as plain text, not linked.
 */
function renderCard(node: AdfNode, ctx: ConvertContext, at: NodeAt): PhrasingContent[] {
  const url = cardUrl(node);
  if (url !== undefined) {
    const destination = linkDestination(url);
    if (destination.allowed) return [{ type: 'link', url: destination.url, children: [{ type: 'text', value: url }] }];
    ctx.warn(at.path, refusedLinkMessage(node.type, destination.scheme, 'rendered its URL as text'));
    return [{ type: 'text', value: url }];
  }
  const name = cardName(node);
  if (name !== undefined) return [{ type: 'text', value: `[${name}]` }];
  ctx.warn(at.path, `${node.type} without a URL or name; rendered as a placeholder`);
  return [{ type: 'text', value: `[${node.type}]` }];
}

/** `inlineCard` -> link. */
export const convertInlineCard: InlineHandler = (node, ctx, at) => renderCard(node, ctx, at);

/** `blockCard` / `embedCard` -> a paragraph holding the link. */
export const convertBlockCard: BlockHandler = (node, ctx, at) => [{ type: 'paragraph', children: renderCard(node, ctx, at) }];
