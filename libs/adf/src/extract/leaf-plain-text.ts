import { attrString, attrValue, readNode, type AdfNode } from '../model/adf-node.js';
import { cardName, cardUrl, dateText, emojiText, extensionText, fallbackText, mentionText, statusText } from '../model/leaf-text.js';
import { readMediaRef } from '../model/media-ref.js';
import type { MediaResolver } from '../convert/media-resolver.js';

/** The searchable text one node contributes by itself, not counting its children. */
export function leafPlainText(node: AdfNode, media: MediaResolver): string {
  switch (node.type) {
    case 'text':
      return node.text ?? '';
    case 'hardBreak':
      return '\n';
    case 'mention':
      return mentionText(node);
    case 'emoji':
      return emojiText(node);
    case 'date':
      return dateText(node);
    case 'status':
      return statusText(node);
    case 'inlineCard':
    case 'blockCard':
    case 'embedCard':
      return cardUrl(node) ?? cardName(node) ?? '';
    case 'media':
    case 'mediaInline':
      return mediaPlainText(node, media);
    case 'extension':
    case 'inlineExtension':
    case 'bodiedExtension':
    case 'placeholder':
      return extensionText(node) ?? '';
    case 'expand':
    case 'nestedExpand':
      return attrString(node, 'title') ?? '';
    default:
      return node.content.length === 0 ? (fallbackText(node) ?? '') : '';
  }
}

function mediaPlainText(node: AdfNode, media: MediaResolver): string {
  const ref = readMediaRef(node);
  const resolved = ref === undefined ? undefined : media.resolve(ref, '');
  return resolved?.filename ?? ref?.alt ?? '';
}

/** The `href` of a link mark, or undefined for any other mark. */
export function linkMarkHref(mark: unknown): string | undefined {
  const node = readNode(mark);
  if (node?.type !== 'link') return undefined;
  const href = attrValue(node, 'href');
  return typeof href === 'string' && href !== '' ? href : undefined;
}
