import type { BlockHandler } from '../convert/handler-types.js';
import { attrText } from '../model/adf-node.js';

/** `syncBlock` references content stored elsewhere: a visible placeholder, never silently gone. */
export const convertSyncBlock: BlockHandler = (node) => {
  const resource = attrText(node, 'resourceId');
  const label = resource === undefined ? '[synced block]' : `[synced block: ${resource}]`;
  return [{ type: 'paragraph', children: [{ type: 'text', value: label }] }];
};
