import { describe, expect, it } from 'vitest';
import { FillBudget, isRefused, layoutGrid, type GridCell } from './table-grid.js';

const cell = (name: string, colspan = 1, rowspan = 1): GridCell => ({ header: false, children: [{ type: 'text', value: name }], colspan, rowspan });
const names = (grid: GridCell[][] | { needed: number }) => {
  if (isRefused(grid)) throw new Error(`refused, needed ${grid.needed}`);
  return grid.map((row) => row.map((slot) => (slot.children[0]?.type === 'text' ? slot.children[0].value : '')));
};

describe('layoutGrid', () => {
  it('leaves empty slots right of a cell spanning columns', () => {
    expect(names(layoutGrid([[cell('a'), cell('b'), cell('c')], [cell('wide', 2), cell('d')]], new FillBudget()))).toEqual([
      ['a', 'b', 'c'],
      ['wide', '', 'd'],
    ]);
  });

  it('leaves empty slots below a cell spanning rows', () => {
    expect(names(layoutGrid([[cell('tall', 1, 2), cell('b')], [cell('c')]], new FillBudget()))).toEqual([
      ['tall', 'b'],
      ['', 'c'],
    ]);
  });

  it('pads short rows and caps spans at the widest row and the rows left', () => {
    expect(names(layoutGrid([[cell('a'), cell('b')], [cell('huge', 1e9, 1e9)], [cell('c')]], new FillBudget()))).toEqual([
      ['a', 'b', ''],
      ['huge', '', ''],
      ['', '', 'c'],
    ]);
  });

  it('takes the empty slots it adds from the budget', () => {
    const budget = new FillBudget(10);
    names(layoutGrid([[cell('a'), cell('b')], [cell('wide', 2)]], budget, { extraRows: 1 }));
    expect(budget.remaining).toBe(10 - 3);
  });

  it('refuses a grid whose empty slots exceed the budget, before building it, and leaves the budget alone', () => {
    const budget = new FillBudget(1_000);
    // 100 cells of colspan 100 in each of 1,000 rows: 10 million slots from 100,000 cells.
    const rows = Array.from({ length: 1_000 }, () => Array.from({ length: 100 }, () => cell('x', 100)));
    const grid = layoutGrid(rows, budget);
    expect(isRefused(grid) && grid.needed).toBeGreaterThan(1_000);
    expect(budget.remaining).toBe(1_000);
    expect(names(layoutGrid(rows, new FillBudget(0), { spans: false }))).toHaveLength(1_000);
  });

  it('counts short-row padding without spans too', () => {
    const rows = [Array.from({ length: 1_000 }, () => cell('w')), ...Array.from({ length: 1_000 }, () => [cell('n')])];
    const grid = layoutGrid(rows, new FillBudget(), { spans: false });
    expect(isRefused(grid) && grid.needed).toBe(1_000 * 999);
  });
});
