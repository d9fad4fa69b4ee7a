import { attrText, type AdfNode } from './adf-node.js';
import type { AdfMediaRef } from '../types.js';

/** The identity of a `media` or `mediaInline` node stored in Jira's media service; undefined for external media. */
export function readMediaRef(node: AdfNode): AdfMediaRef | undefined {
  const id = attrText(node, 'id');
  if (id === undefined) return undefined;
  const ref: AdfMediaRef = { id };
  const collection = attrText(node, 'collection');
  const alt = attrText(node, 'alt');
  const type = attrText(node, 'type');
  if (collection !== undefined) ref.collection = collection;
  if (alt !== undefined) ref.alt = alt;
  if (type !== undefined) ref.type = type;
  return ref;
}

/** The URL of `external` media (an image hosted outside Jira). */
export function externalMediaUrl(node: AdfNode): string | undefined {
  return attrText(node, 'type') === 'external' ? attrText(node, 'url') : undefined;
}
