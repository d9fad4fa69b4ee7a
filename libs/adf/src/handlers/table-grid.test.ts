import { describe, expect, it } from 'vitest';
import { layoutGrid, type GridCell } from './table-grid.js';

const cell = (name: string, colspan = 1, rowspan = 1): GridCell => ({ header: false, children: [{ type: 'text', value: name }], colspan, rowspan });
const names = (grid: GridCell[][]) => grid.map((row) => row.map((slot) => (slot.children[0]?.type === 'text' ? slot.children[0].value : '')));

describe('layoutGrid', () => {
  it('leaves empty slots right of a cell spanning columns', () => {
    expect(names(layoutGrid([[cell('a'), cell('b'), cell('c')], [cell('wide', 2), cell('d')]]))).toEqual([
      ['a', 'b', 'c'],
      ['wide', '', 'd'],
    ]);
  });

  it('leaves empty slots below a cell spanning rows', () => {
    expect(names(layoutGrid([[cell('tall', 1, 2), cell('b')], [cell('c')]]))).toEqual([
      ['tall', 'b'],
      ['', 'c'],
    ]);
  });

  it('pads short rows and caps spans at the widest row and the rows left', () => {
    expect(names(layoutGrid([[cell('a'), cell('b')], [cell('huge', 1e9, 1e9)], [cell('c')]]))).toEqual([
      ['a', 'b', ''],
      ['huge', '', ''],
      ['', '', 'c'],
    ]);
  });
});
