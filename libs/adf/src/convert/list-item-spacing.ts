import type { BlockContent, DefinitionContent, ListItem } from 'mdast';

type ItemChild = BlockContent | DefinitionContent;

/**
 * Makes a list item loose (blank lines between its blocks) when a paragraph in it is followed by a block
 * that cannot interrupt a paragraph: an ordered list not starting at 1, or a table. Written tight, those
 * lines would read back as more paragraph text.
 */
export function spaceListItem(item: ListItem): ListItem {
  const needsSpace = item.children.some((child, index) => child.type === 'paragraph' && cannotInterrupt(item.children[index + 1]));
  return needsSpace ? { ...item, spread: true } : item;
}

function cannotInterrupt(block: ItemChild | undefined): boolean {
  let current = block;
  // The first line of a list is the first line of its first item's first block, and so on down.
  for (let guard = 0; current !== undefined && guard < 1000; guard += 1) {
    if (current.type === 'table') return true;
    if (current.type !== 'list') return false;
    if (current.ordered === true && (current.start ?? 1) !== 1) return true;
    current = current.children[0]?.children[0];
  }
  return false;
}
