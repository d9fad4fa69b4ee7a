/** Jira Cloud's default issue link types (ids, names and the relation sentences each side reads). */
import type { IssueLink } from './types.js';

export interface LinkTypeInfo {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

export const LINK_TYPES: ReadonlyMap<IssueLink['type'], LinkTypeInfo> = new Map<IssueLink['type'], LinkTypeInfo>([
  ['Blocks', { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' }],
  ['Cloners', { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' }],
  ['Duplicate', { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' }],
  ['Relates', { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' }],
]);

/** The link type of a stored link (every stored type is in the table). */
export function linkTypeOf(type: IssueLink['type']): LinkTypeInfo {
  const found = LINK_TYPES.get(type);
  if (!found) throw new Error(`unknown link type ${type}`);
  return found;
}
