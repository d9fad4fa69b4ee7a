import type { BlockContent, ListItem, PhrasingContent, RootContent } from 'mdast';

/** Line separator inside a GFM table cell, which cannot hold block content or line endings. */
const CELL_BREAK: PhrasingContent = { type: 'html', value: '<br>' };

/**
 * Flattens block content into one line of phrasing for a table cell: blocks are joined with `<br>`, list
 * items get a text bullet, code becomes inline code per line.
 */
export function flattenToPhrasing(blocks: readonly (BlockContent | RootContent)[]): PhrasingContent[] {
  return joinLines(blocks.flatMap(blockLines));
}

function blockLines(block: BlockContent | RootContent): PhrasingContent[][] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return [withoutNewlines(withoutAlertMarker(block.children))];
    case 'code':
      return block.value.split(/\r?\n/).filter((line) => line !== '').map((line) => [{ type: 'inlineCode', value: line }]);
    case 'blockquote':
      return block.children.flatMap(blockLines);
    case 'list':
      return block.children.flatMap((item, index) => itemLines(item, block.ordered ? `${(block.start ?? 1) + index}. ` : '- '));
    case 'table':
      return block.children.map((row) => joinWith(row.children.map((cell) => cell.children), { type: 'text', value: ' / ' }));
    case 'html':
      return [[block]];
    case 'thematicBreak':
      return [];
    default:
      return 'children' in block ? [withoutNewlines(block.children as PhrasingContent[])] : [];
  }
}

/** Panels open with a GitHub alert marker (`[!NOTE]` and a line ending), which means nothing in a cell. */
function withoutAlertMarker(children: PhrasingContent[]): PhrasingContent[] {
  const [first, second] = children;
  if (first?.type !== 'html' || !/^\[!\w+\]$/.test(first.value)) return children;
  return children.slice(second?.type === 'text' && second.value === '\n' ? 2 : 1);
}

function itemLines(item: ListItem, bullet: string): PhrasingContent[][] {
  const box = item.checked === true ? '☑ ' : item.checked === false ? '☐ ' : '';
  const [first = [], ...rest] = item.children.flatMap(blockLines);
  return [[{ type: 'text', value: bullet + box }, ...first], ...rest];
}

function joinLines(lines: PhrasingContent[][]): PhrasingContent[] {
  return joinWith(
    lines.filter((line) => line.length > 0),
    CELL_BREAK,
  );
}

function joinWith(parts: PhrasingContent[][], separator: PhrasingContent): PhrasingContent[] {
  return parts.flatMap((part, index) => (index === 0 ? part : [separator, ...part]));
}

/** Inline code cannot hold a line ending inside a table row; the serializer encodes it in text only. */
function withoutNewlines(children: PhrasingContent[]): PhrasingContent[] {
  return children.map((child): PhrasingContent => {
    if (child.type === 'inlineCode') return { ...child, value: child.value.replace(/\r?\n|\r/g, ' ') };
    if (child.type === 'break') return CELL_BREAK;
    if ('children' in child) return { ...child, children: withoutNewlines(child.children) } as PhrasingContent;
    return child;
  });
}
