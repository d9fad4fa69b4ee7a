import type { BlockContent, PhrasingContent, Table, TableRow } from 'mdast';
import type { BlockHandler, ConvertContext, NodeAt } from '../convert/handler-types.js';
import { flattenToPhrasing } from '../convert/flatten-to-phrasing.js';
import { attrNumber, childPath, readNode } from '../model/adf-node.js';
import { appendAll } from '../model/append-all.js';
import { isRefused, layoutGrid, type GridCell } from './table-grid.js';

/**
 * `table` -> GFM table. The first row is the Markdown header only when all its cells are `tableHeader`;
 * otherwise an empty header row is added, because GFM tables always have one. Spans leave empty cells.
 * Empty cells come from the document's {@link FillBudget}: past it, spans are ignored, and a table that
 * still needs too many (rows of very different lengths) becomes one paragraph per row.
 */
export const convertTable: BlockHandler = (node, ctx, at) => {
  const rows = node.content.map((value, index) => readRow(value, ctx, { path: childPath(childPath(at.path, 'content'), index), depth: at.depth + 1 }));
  const nonEmpty = rows.filter((row) => row.length > 0);
  if (nonEmpty.length === 0) return [];
  const firstIsHeader = nonEmpty[0]!.every((cell) => cell.header);
  const extraRows = firstIsHeader ? 0 : 1;
  const left = ctx.tableFill.remaining;
  let grid = layoutGrid(nonEmpty, ctx.tableFill, { extraRows });
  if (isRefused(grid)) {
    const { needed } = grid;
    grid = layoutGrid(nonEmpty, ctx.tableFill, { spans: false, extraRows });
    if (isRefused(grid)) {
      ctx.warn(at.path, `table would need at least ${grid.needed} empty cells even without spans, more than the ${left} left for this document's tables; rendered one paragraph per row`);
      return nonEmpty.map(rowParagraph);
    }
    ctx.warn(at.path, `table spans would need at least ${needed} empty cells, more than the ${left} left for this document's tables; spans ignored`);
  }
  const width = grid[0]!.length;
  const header: GridCell[] = firstIsHeader ? grid.shift()! : Array.from({ length: width }, () => ({ header: true, children: [], colspan: 1, rowspan: 1 }));
  const table: Table = { type: 'table', align: [], children: [header, ...grid].map(toRow) };
  return [table];
};

/** A row as a paragraph: its cells' content separated by ` | `. */
function rowParagraph(cells: GridCell[]): BlockContent {
  const children: PhrasingContent[] = [];
  cells.forEach((cell, index) => {
    if (index > 0) children.push({ type: 'text', value: ' | ' });
    appendAll(children, cell.children);
  });
  return { type: 'paragraph', children };
}

function readRow(value: unknown, ctx: ConvertContext, at: NodeAt): GridCell[] {
  const row = readNode(value);
  if (row === undefined) {
    ctx.warn(at.path, 'table row is not an object; ignored');
    return [];
  }
  if (row.type !== 'tableRow') {
    ctx.warn(at.path, `"${row.type}" inside a table; rendered as a one-cell row`);
    return [{ header: false, children: flattenToPhrasing(ctx.blockAt(value, at)), colspan: 1, rowspan: 1 }];
  }
  return row.content.map((cellValue, index) => {
    const cellAt = { path: childPath(childPath(at.path, 'content'), index), depth: at.depth + 1 };
    const cell = readNode(cellValue);
    if (cell === undefined || (cell.type !== 'tableCell' && cell.type !== 'tableHeader')) {
      ctx.warn(cellAt.path, `"${cell?.type ?? typeof cellValue}" inside a table row; rendered as a cell`);
      return { header: false, children: flattenToPhrasing(ctx.blockAt(cellValue, cellAt)), colspan: 1, rowspan: 1 };
    }
    return {
      header: cell.type === 'tableHeader',
      children: flattenToPhrasing(ctx.blocks(cell, cellAt)),
      colspan: attrNumber(cell, 'colspan') ?? 1,
      rowspan: attrNumber(cell, 'rowspan') ?? 1,
    };
  });
}

function toRow(cells: GridCell[]): TableRow {
  return { type: 'tableRow', children: cells.map((cell) => ({ type: 'tableCell', children: cell.children })) };
}
