import type { Table, TableRow } from 'mdast';
import type { BlockHandler, ConvertContext, NodeAt } from '../convert/handler-types.js';
import { flattenToPhrasing } from '../convert/flatten-to-phrasing.js';
import { attrNumber, childPath, readNode } from '../model/adf-node.js';
import { layoutGrid, type GridCell } from './table-grid.js';

/**
 * `table` -> GFM table. The first row is the Markdown header only when all its cells are `tableHeader`;
 * otherwise an empty header row is added, because GFM tables always have one. Spans leave empty cells.
 */
export const convertTable: BlockHandler = (node, ctx, at) => {
  const rows = node.content.map((value, index) => readRow(value, ctx, { path: childPath(childPath(at.path, 'content'), index), depth: at.depth + 1 }));
  const nonEmpty = rows.filter((row) => row.length > 0);
  if (nonEmpty.length === 0) return [];
  const grid = layoutGrid(nonEmpty);
  const firstIsHeader = nonEmpty[0]!.every((cell) => cell.header);
  const width = grid[0]!.length;
  const header: GridCell[] = firstIsHeader ? grid.shift()! : Array.from({ length: width }, () => ({ header: true, children: [], colspan: 1, rowspan: 1 }));
  const table: Table = { type: 'table', align: [], children: [header, ...grid].map(toRow) };
  return [table];
};

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
