import type { BlockContent, PhrasingContent } from 'mdast';
import type { BlockHandler, ConvertContext, NodeAt } from '../convert/handler-types.js';
import { isImageMedia } from '../convert/media-resolver.js';
import { applyMarks } from '../marks/apply-marks.js';
import { linkDestination, refusedLinkMessage } from '../marks/link-policy.js';
import { readMarks } from '../marks/read-marks.js';
import { attrText, type AdfNode } from '../model/adf-node.js';
import { externalMediaUrl, readMediaRef } from '../model/media-ref.js';

/**
 * Renders `media` or `mediaInline`: an image or link when the caller's lookup gives a URL, else a
 * visible `[attachment: name]` placeholder. External media is an image of its URL.
 */
export function renderMedia(node: AdfNode, ctx: ConvertContext, at: NodeAt): PhrasingContent[] {
  const alt = attrText(node, 'alt');
  const externalUrl = externalMediaUrl(node);
  if (externalUrl !== undefined) {
    const destination = linkDestination(externalUrl);
    if (destination.allowed) return [{ type: 'image', url: destination.url, alt: alt ?? null }];
    ctx.warn(at.path, refusedLinkMessage('external media', destination.scheme, 'rendered as a placeholder'));
    return [{ type: 'text', value: `[image: ${alt ?? 'external'}]` }];
  }
  const ref = readMediaRef(node);
  if (ref === undefined) {
    ctx.warn(at.path, 'media without id or url; rendered as a placeholder');
    return [{ type: 'text', value: '[attachment]' }];
  }
  const resolved = ctx.media.resolve(ref, at.path);
  const placeholder: PhrasingContent = { type: 'text', value: `[attachment: ${resolved?.filename ?? alt ?? ref.id}]` };
  if (resolved?.url === undefined) return [placeholder];
  const destination = linkDestination(resolved.url);
  if (!destination.allowed) {
    ctx.warn(at.path, refusedLinkMessage(`media ${ref.id}: the attachment URL`, destination.scheme, 'rendered as a placeholder'));
    return [placeholder];
  }
  if (isImageMedia(resolved)) return [{ type: 'image', url: destination.url, alt: alt ?? resolved.filename }];
  return [{ type: 'link', url: destination.url, children: [{ type: 'text', value: resolved.filename }] }];
}

/** Renders a block-level `media` node with its own marks (a link mark makes the image clickable). */
export function renderMarkedMedia(node: AdfNode, ctx: ConvertContext, at: NodeAt): PhrasingContent[] {
  const { specs } = readMarks(node.marks, at.path, (path, message) => ctx.warn(path, message));
  return applyMarks([{ nodes: renderMedia(node, ctx, at), specs }]);
}

/** `media` outside a mediaSingle or mediaGroup: a paragraph holding it. */
export const convertMedia: BlockHandler = (node, ctx, at): BlockContent[] => [{ type: 'paragraph', children: renderMarkedMedia(node, ctx, at) }];
