import type { PhrasingContent } from 'mdast';
import { maxOf } from '../model/append-all.js';

/** One ADF cell, already flattened to phrasing. */
export interface GridCell {
  header: boolean;
  children: PhrasingContent[];
  colspan: number;
  rowspan: number;
}

/** Caps keep a hostile `colspan: 1e9` from allocating a huge table. */
export const MAX_SPAN = 100;

const EMPTY: GridCell = { header: false, children: [], colspan: 1, rowspan: 1 };

/**
 * Lays ADF rows out on a rectangular grid: a cell spanning several columns or rows keeps its content in
 * its first slot and leaves the slots it covers empty, so every row has the same number of cells. Spans
 * are capped by the widest row and the rows left.
 */
export function layoutGrid(rows: readonly GridCell[][]): GridCell[][] {
  // A span wider than the row with the most cells is wrong: it cannot widen the table.
  const maxColspan = Math.min(MAX_SPAN, maxOf(rows.map((cells) => cells.length), 1));
  const covered: number[] = [];
  const grid = rows.map((cells, rowIndex) => {
    const remainingRows = rows.length - rowIndex;
    const coveredNow = covered.map((count) => count > 0);
    for (let column = 0; column < covered.length; column += 1) covered[column] = Math.max(0, (covered[column] ?? 0) - 1);
    const line: GridCell[] = [];
    let column = 0;
    for (const cell of cells) {
      while (coveredNow[column] === true) line[column++] = EMPTY;
      const colspan = clamp(cell.colspan, maxColspan);
      const rowspan = clamp(cell.rowspan, Math.min(MAX_SPAN, remainingRows));
      for (let offset = 0; offset < colspan; offset += 1) {
        line[column + offset] = offset === 0 ? cell : { ...EMPTY, header: cell.header };
        covered[column + offset] = rowspan - 1;
      }
      column += colspan;
    }
    coveredNow.forEach((isCovered, index) => {
      if (isCovered && line[index] === undefined) line[index] = EMPTY;
    });
    return line;
  });
  const width = maxOf(grid.map((line) => line.length), 1);
  return grid.map((line) => Array.from({ length: width }, (_, index) => line[index] ?? EMPTY));
}

function clamp(value: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(1, Math.floor(value))) : 1;
}
