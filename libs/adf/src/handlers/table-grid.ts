import type { PhrasingContent } from 'mdast';
import { maxOf } from '../model/append-all.js';

/** One ADF cell, already flattened to phrasing. */
export interface GridCell {
  header: boolean;
  children: PhrasingContent[];
  colspan: number;
  rowspan: number;
}

/** Caps keep one hostile `colspan: 1e9` from asking for a huge row. */
export const MAX_SPAN = 100;

/**
 * Empty cells that the tables of one document may add, together: the slots that spans cover and the
 * padding of short rows. Real cells cost document bytes; empty ones cost nothing to ask for, and spans
 * multiply across rows (100 cells of `colspan: 100` in each of 1,000 rows are 10 million cells), so they
 * are what must be bounded. 100,000 is far above real tables and a few megabytes of Markdown at most.
 */
export const MAX_TABLE_FILL = 100_000;

/** The empty cells still available to a document's tables; shared by every table of one conversion. */
export class FillBudget {
  constructor(public remaining: number = MAX_TABLE_FILL) {}
}

/** A grid that did not fit the budget: how many empty cells it needed at least. */
export interface GridRefused {
  needed: number;
}

const EMPTY: GridCell = { header: false, children: [], colspan: 1, rowspan: 1 };

/**
 * Lays ADF rows out on a rectangular grid: a cell spanning several columns or rows keeps its content in
 * its first slot and leaves the slots it covers empty, so every row has the same number of cells. Spans
 * are capped by the widest row and the rows left; with `spans: false` every cell takes one slot.
 *
 * The empty slots (plus `extraRows` rows of them, such as a header row the caller adds) are taken from
 * `budget`. When they would exceed it, layout stops as soon as that is certain, before allocating the
 * grid, and returns how many were needed; the budget is then left untouched.
 */
export function layoutGrid(rows: readonly GridCell[][], budget: FillBudget, options: { spans?: boolean; extraRows?: number } = {}): GridCell[][] | GridRefused {
  const spans = options.spans ?? true;
  const height = rows.length + (options.extraRows ?? 0);
  const realCells = rows.reduce((sum, cells) => sum + cells.length, 0);
  /** Empty slots a grid `width` wide needs: every slot that holds no real cell. */
  const fillFor = (width: number): number => height * width - realCells;
  if (!spans) {
    const width = maxOf(rows.map((cells) => cells.length), 1);
    if (fillFor(width) > budget.remaining) return { needed: fillFor(width) };
    budget.remaining -= fillFor(width);
    return rows.map((cells) => Array.from({ length: width }, (_, index) => cells[index] ?? EMPTY));
  }
  // A span wider than the row with the most cells is wrong: it cannot widen the table.
  const maxColspan = Math.min(MAX_SPAN, maxOf(rows.map((cells) => cells.length), 1));
  const covered: number[] = [];
  const grid: GridCell[][] = [];
  let width = 1;
  for (let rowIndex = 0; rowIndex < rows.length; rowIndex += 1) {
    const remainingRows = rows.length - rowIndex;
    const coveredNow = covered.map((count) => count > 0);
    for (let column = 0; column < covered.length; column += 1) covered[column] = Math.max(0, (covered[column] ?? 0) - 1);
    const line: GridCell[] = [];
    let column = 0;
    for (const cell of rows[rowIndex]!) {
      while (coveredNow[column] === true) line[column++] = EMPTY;
      const colspan = clamp(cell.colspan, maxColspan);
      const rowspan = clamp(cell.rowspan, Math.min(MAX_SPAN, remainingRows));
      // Every row will be at least this wide: stop before a hostile row allocates more.
      if (fillFor(Math.max(width, column + colspan)) > budget.remaining) return { needed: fillFor(Math.max(width, column + colspan)) };
      for (let offset = 0; offset < colspan; offset += 1) {
        line[column + offset] = offset === 0 ? cell : { ...EMPTY, header: cell.header };
        covered[column + offset] = rowspan - 1;
      }
      column += colspan;
    }
    coveredNow.forEach((isCovered, index) => {
      if (isCovered && line[index] === undefined) line[index] = EMPTY;
    });
    width = Math.max(width, line.length);
    grid.push(line);
  }
  if (fillFor(width) > budget.remaining) return { needed: fillFor(width) };
  budget.remaining -= fillFor(width);
  return grid.map((line) => Array.from({ length: width }, (_, index) => line[index] ?? EMPTY));
}

/** True when {@link layoutGrid} refused the grid. */
export function isRefused(grid: GridCell[][] | GridRefused): grid is GridRefused {
  return !Array.isArray(grid);
}

function clamp(value: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(1, Math.floor(value))) : 1;
}
